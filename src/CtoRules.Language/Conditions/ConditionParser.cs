using System.Collections.Immutable;
using System.Globalization;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace CtoRules.Language.Conditions;

/// <summary>A condition-language problem at a zero-based offset of the condition text.</summary>
public sealed record ConditionError(string Code, string Message, int Offset);

/// <summary>The result of parsing: the syntax tree, or the errors.</summary>
public sealed record ConditionParseResult(ConditionSyntax? Syntax, ImmutableArray<ConditionError> Errors)
{
    public bool Success => Syntax is not null && Errors.IsEmpty;
}

/// <summary>
/// Parses the condition language (grammar in docs/rule-format.md) with Superpower. Nesting is
/// bounded before parsing so that hostile input is an error, never a stack overflow.
/// </summary>
public static class ConditionParser
{
    public const int MaxDepth = 32;
    public const int MaxLength = 4000;

    private static TextRange Range(Token<ConditionToken> t) => new(t.Position.Absolute, t.Span.Length);

    private static TextRange Join(TextRange a, TextRange b) => new(a.Start, b.Start + b.Length - a.Start);

    private static readonly TokenListParser<ConditionToken, PathSyntax> Path =
        Token.EqualTo(ConditionToken.Word).Select(t => new PathSyntax(t.ToStringValue(), Range(t)));

    private static readonly TokenListParser<ConditionToken, LiteralSyntax> Literal =
        Token.EqualTo(ConditionToken.Number)
            .Select(t => new LiteralSyntax(LiteralKind.Number, t.ToStringValue(), double.Parse(t.ToStringValue(), CultureInfo.InvariantCulture), Range(t)))
        .Or(Token.EqualTo(ConditionToken.True).Select(t => new LiteralSyntax(LiteralKind.Boolean, "true", 1, Range(t))))
        .Or(Token.EqualTo(ConditionToken.False).Select(t => new LiteralSyntax(LiteralKind.Boolean, "false", 0, Range(t))))
        .Or(Token.EqualTo(ConditionToken.Word).Select(t => new LiteralSyntax(LiteralKind.Word, t.ToStringValue(), double.NaN, Range(t))))
        .Named("value");

    private static readonly TokenListParser<ConditionToken, CompareOp> Op =
        Token.EqualTo(ConditionToken.Equal).Value(CompareOp.Equal)
        .Or(Token.EqualTo(ConditionToken.NotEqual).Value(CompareOp.NotEqual))
        .Or(Token.EqualTo(ConditionToken.LessOrEqual).Value(CompareOp.LessOrEqual))
        .Or(Token.EqualTo(ConditionToken.GreaterOrEqual).Value(CompareOp.GreaterOrEqual))
        .Or(Token.EqualTo(ConditionToken.Less).Value(CompareOp.Less))
        .Or(Token.EqualTo(ConditionToken.Greater).Value(CompareOp.Greater));

    private static readonly TokenListParser<ConditionToken, (ImmutableArray<LiteralSyntax> Values, TextRange End)> List =
        from open in Token.EqualTo(ConditionToken.LBracket)
        from values in Literal.AtLeastOnceDelimitedBy(Token.EqualTo(ConditionToken.Comma))
        from close in Token.EqualTo(ConditionToken.RBracket)
        select (values.ToImmutableArray(), Range(close));

    // path (op literal | [not] in [..] | nothing)
    private static readonly TokenListParser<ConditionToken, ConditionSyntax> PathCondition =
        from path in Path
        from rest in
            (from op in Op
             from value in Literal
             select (Func<PathSyntax, ConditionSyntax>)(p => new CompareSyntax(p, op, value, Join(p.Range, value.Range))))
            .Or(from not in Token.EqualTo(ConditionToken.Not).Optional()
                from @in in Token.EqualTo(ConditionToken.In)
                from list in List
                select (Func<PathSyntax, ConditionSyntax>)(p => new InSyntax(p, not.HasValue, list.Values, Join(p.Range, list.End))))
            .OptionalOrDefault(p => new PathTestSyntax(p, p.Range))
        select rest(path);

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Known =
        from kw in Token.EqualTo(ConditionToken.Known)
        from open in Token.EqualTo(ConditionToken.LParen)
        from path in Path
        from close in Token.EqualTo(ConditionToken.RParen)
        select (ConditionSyntax)new KnownSyntax(path, Join(Range(kw), Range(close)));

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> ScoreCompare =
        from kw in Token.EqualTo(ConditionToken.Score)
        from open in Token.EqualTo(ConditionToken.LParen)
        from name in Path
        from close in Token.EqualTo(ConditionToken.RParen)
        from op in Op
        from value in Literal
        select (ConditionSyntax)new ScoreCompareSyntax(name, op, value, Join(Range(kw), value.Range));

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Constant =
        Token.EqualTo(ConditionToken.True).Select(t => (ConditionSyntax)new ConstantSyntax(true, Range(t)))
        .Or(Token.EqualTo(ConditionToken.False).Select(t => (ConditionSyntax)new ConstantSyntax(false, Range(t))));

    // A group keeps its inner node but widens the range over its parentheses, so that enclosing
    // nodes cover the whole text they were parsed from.
    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Group =
        from open in Token.EqualTo(ConditionToken.LParen)
        from inner in Superpower.Parse.Ref(() => Or!)
        from close in Token.EqualTo(ConditionToken.RParen)
        select inner with { Range = Join(Range(open), Range(close)) };

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Primary =
        Group.Or(Known).Or(ScoreCompare).Or(Constant).Or(PathCondition).Named("condition");

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Unary =
        (from not in Token.EqualTo(ConditionToken.Not)
         from operand in Superpower.Parse.Ref(() => Unary!)
         select (ConditionSyntax)new NotSyntax(operand, Join(Range(not), operand.Range)))
        .Or(Primary);

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> And =
        Superpower.Parse.Chain(Token.EqualTo(ConditionToken.And), Unary, (_, l, r) => new AndSyntax(l, r, Join(l.Range, r.Range)));

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Or =
        Superpower.Parse.Chain(Token.EqualTo(ConditionToken.Or), And, (_, l, r) => new OrSyntax(l, r, Join(l.Range, r.Range)));

    private static readonly TokenListParser<ConditionToken, ConditionSyntax> Condition = Or.AtEnd();

    public static ConditionParseResult Parse(string text)
    {
        if (text.Length > MaxLength)
            return Fail("CTO2004", $"condition is longer than {MaxLength} characters", 0);
        if (string.IsNullOrWhiteSpace(text))
            return Fail("CTO2001", "the condition is empty", 0);

        var tokens = ConditionTokenizer.Instance.TryTokenize(text);
        if (!tokens.HasValue)
            return Fail("CTO2002", TokenizerMessage(tokens), tokens.ErrorPosition.HasValue ? tokens.ErrorPosition.Absolute : 0);

        var depthError = CheckDepth(tokens.Value);
        if (depthError is not null) return new ConditionParseResult(null, [depthError]);

        var result = Condition.TryParse(tokens.Value);
        if (!result.HasValue)
        {
            var offset = result.ErrorPosition.HasValue ? result.ErrorPosition.Absolute : text.Length;
            return Fail("CTO2001", result.FormatErrorMessageFragment(), offset);
        }
        return new ConditionParseResult(result.Value, []);
    }

    private static string TokenizerMessage(Result<TokenList<ConditionToken>> tokens) =>
        tokens.ErrorMessage ?? tokens.FormatErrorMessageFragment();

    /// <summary>
    /// Bounds the recursion of the parser. A <c>not</c> encloses its operand, so the <c>not</c>s in
    /// force when a parenthesis opens stay counted inside it until it closes.
    /// </summary>
    private static ConditionError? CheckDepth(TokenList<ConditionToken> tokens)
    {
        var open = new Stack<int>(); // the nots in force at each open parenthesis or bracket
        var nots = 0;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case ConditionToken.LParen or ConditionToken.LBracket: open.Push(nots); break;
                case ConditionToken.RParen or ConditionToken.RBracket: nots = open.Count > 0 ? open.Pop() : 0; break;
                case ConditionToken.Not: nots++; break;
                default: nots = open.Count > 0 ? open.Peek() : 0; break;
            }
            if (open.Count + nots > MaxDepth)
                return new ConditionError("CTO2003", $"condition is nested deeper than {MaxDepth} levels", t.Position.Absolute);
        }
        return null;
    }

    private static ConditionParseResult Fail(string code, string message, int offset) =>
        new(null, [new ConditionError(code, message, offset)]);
}
