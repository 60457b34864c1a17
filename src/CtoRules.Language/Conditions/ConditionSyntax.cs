using System.Collections.Immutable;

namespace CtoRules.Language.Conditions;

/// <summary>Comparison operators of the condition language.</summary>
public enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A span of the condition text: zero-based offset and length.</summary>
public readonly record struct TextRange(int Start, int Length);

/// <summary>The parsed, unbound syntax of a condition.</summary>
public abstract record ConditionSyntax(TextRange Range);

public sealed record AndSyntax(ConditionSyntax Left, ConditionSyntax Right, TextRange Range) : ConditionSyntax(Range);

public sealed record OrSyntax(ConditionSyntax Left, ConditionSyntax Right, TextRange Range) : ConditionSyntax(Range);

public sealed record NotSyntax(ConditionSyntax Operand, TextRange Range) : ConditionSyntax(Range);

public sealed record ConstantSyntax(bool Value, TextRange Range) : ConditionSyntax(Range);

/// <summary><c>known(path)</c>.</summary>
public sealed record KnownSyntax(PathSyntax Path, TextRange Range) : ConditionSyntax(Range);

/// <summary>A bare path: a boolean fact or a derived fact, "is true".</summary>
public sealed record PathTestSyntax(PathSyntax Path, TextRange Range) : ConditionSyntax(Range);

public sealed record CompareSyntax(PathSyntax Path, CompareOp Op, LiteralSyntax Value, TextRange Range) : ConditionSyntax(Range);

public sealed record InSyntax(PathSyntax Path, bool Negated, ImmutableArray<LiteralSyntax> Values, TextRange Range) : ConditionSyntax(Range);

/// <summary><c>score(NAME) op number</c>: compares the points of a score (docs/rule-format.md).</summary>
public sealed record ScoreCompareSyntax(PathSyntax Score, CompareOp Op, LiteralSyntax Value, TextRange Range) : ConditionSyntax(Range);

public sealed record PathSyntax(string Text, TextRange Range);

public enum LiteralKind
{
    Number,
    Boolean,
    Word,
}

public sealed record LiteralSyntax(LiteralKind Kind, string Text, double Number, TextRange Range)
{
    public override string ToString() => Text;
}
