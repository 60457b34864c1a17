using CtoRules.Language.Conditions;

namespace CtoRules.Language.Tests;

/// <summary>
/// Renders a condition syntax tree as a compact prefix form so that tests can state the expected
/// shape of a parse in one line, e.g. <c>(or a (and b c))</c>.
/// </summary>
internal static class SyntaxText
{
    public static string Render(ConditionSyntax syntax) => syntax switch
    {
        AndSyntax a => $"(and {Render(a.Left)} {Render(a.Right)})",
        OrSyntax o => $"(or {Render(o.Left)} {Render(o.Right)})",
        NotSyntax n => $"(not {Render(n.Operand)})",
        ConstantSyntax c => c.Value ? "#true" : "#false",
        KnownSyntax k => $"(known {k.Path.Text})",
        PathTestSyntax p => p.Path.Text,
        CompareSyntax c => $"({Symbol(c.Op)} {c.Path.Text} {Literal(c.Value)})",
        InSyntax i => $"({(i.Negated ? "not-in" : "in")} {i.Path.Text} [{string.Join(" ", i.Values.Select(Literal))}])",
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    /// <summary>A literal with its kind: <c>n:-1.5</c>, <c>b:true</c>, <c>w:not-attempted</c>.</summary>
    public static string Literal(LiteralSyntax l) => l.Kind switch
    {
        LiteralKind.Number => "n:" + l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LiteralKind.Boolean => "b:" + l.Text,
        _ => "w:" + l.Text,
    };

    private static string Symbol(CompareOp op) => BoundCompare.Symbol(op);
}
