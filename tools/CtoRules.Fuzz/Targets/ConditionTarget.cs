using System.Text;
using CsCheck;
using CtoRules.Cases;
using CtoRules.Fuzz.Fuzzing;
using CtoRules.Language.Conditions;

namespace CtoRules.Fuzz.Targets;

/// <summary>
/// The condition language: tokenizer, parser and type checker. Besides "no exception", two
/// oracles: every error offset lies inside the text, and a parsed condition prints to text that
/// parses to the same tree.
/// </summary>
public sealed class ConditionTarget : FuzzTarget
{
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal) { "heavyCalcification", "longLesion", "crossingNotStarted" };
    private static readonly Dictionary<string, double> Scores = new(StringComparer.Ordinal) { ["J-CTO"] = 5, ["CL"] = 8 };
    private static readonly Gen<string> Generator = ConditionGen.Condition(5);

    public override string Name => "condition";

    public override string Description => "condition-language tokenizer, parser, printer round trip and type checker";

    public override IReadOnlyList<string> Dictionary { get; } =
        [.. new[] { " and ", " or ", "not ", " in ", " not in ", "known(", "score(", "true", "false", "==", "!=", "<=", ">=", "<", ">", "=", "!", "[", "]", "(", ")", ",", "-", ".", "e5", "1.5", "-3", "1e308" },
         .. CaseSchema.Fields.Take(40).Select(f => f.Path), .. Derived];

    public override byte[]? Generate(Random random) =>
        Encoding.UTF8.GetBytes(Generator.Generate(new PCG((uint)random.Next(), (ulong)random.NextInt64()), null, out _));

    public override string Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parse = ConditionParser.Parse(text);
        if (!parse.Success)
        {
            foreach (var e in parse.Errors)
                if (e.Offset < 0 || e.Offset > text.Length)
                    throw new InvalidOperationException($"{e.Code} at offset {e.Offset} outside a text of {text.Length} characters");
            return parse.Errors[0].Code;
        }
        var printed = ConditionPrinter.Print(parse.Syntax!);
        var again = ConditionParser.Parse(printed);
        if (!again.Success)
            throw new InvalidOperationException($"the printed condition does not parse: {printed} ({again.Errors[0].Message})");
        if (SyntaxShape.Of(again.Syntax!) != SyntaxShape.Of(parse.Syntax!))
            throw new InvalidOperationException($"print then parse changed the tree: {text} -> {printed}");
        var bind = ConditionBinder.Bind(parse.Syntax!, Derived, Scores);
        foreach (var e in bind.Errors.Concat(bind.Warnings))
            if (e.Offset < 0 || e.Offset > text.Length)
                throw new InvalidOperationException($"{e.Code} at offset {e.Offset} outside a text of {text.Length} characters");
        return bind.Errors.IsEmpty ? "bound" : string.Join(",", bind.Errors.Select(e => e.Code).Distinct());
    }
}
