using Superpower;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace CtoRules.Language.Conditions;

/// <summary>The tokenizer of the condition language (Superpower).</summary>
public static class ConditionTokenizer
{
    public static Tokenizer<ConditionToken> Instance { get; } = new TokenizerBuilder<ConditionToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Span.EqualTo("=="), ConditionToken.Equal)
        .Match(Span.EqualTo("!="), ConditionToken.NotEqual)
        .Match(Span.EqualTo("<="), ConditionToken.LessOrEqual)
        .Match(Span.EqualTo(">="), ConditionToken.GreaterOrEqual)
        .Match(Character.EqualTo('<'), ConditionToken.Less)
        .Match(Character.EqualTo('>'), ConditionToken.Greater)
        .Match(Character.EqualTo('('), ConditionToken.LParen)
        .Match(Character.EqualTo(')'), ConditionToken.RParen)
        .Match(Character.EqualTo('['), ConditionToken.LBracket)
        .Match(Character.EqualTo(']'), ConditionToken.RBracket)
        .Match(Character.EqualTo(','), ConditionToken.Comma)
        .Match(Span.Regex("-?[0-9]+(\\.[0-9]+)?"), ConditionToken.Number, requireDelimiters: true)
        .Match(Span.EqualTo("and"), ConditionToken.And, requireDelimiters: true)
        .Match(Span.EqualTo("or"), ConditionToken.Or, requireDelimiters: true)
        .Match(Span.EqualTo("not"), ConditionToken.Not, requireDelimiters: true)
        .Match(Span.EqualTo("in"), ConditionToken.In, requireDelimiters: true)
        .Match(Span.EqualTo("known"), ConditionToken.Known, requireDelimiters: true)
        .Match(Span.EqualTo("true"), ConditionToken.True, requireDelimiters: true)
        .Match(Span.EqualTo("false"), ConditionToken.False, requireDelimiters: true)
        .Match(Span.Regex("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*"), ConditionToken.Word, requireDelimiters: true)
        .Build();
}
