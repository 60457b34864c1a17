using System.Collections.Immutable;
using System.Globalization;
using CtoRules.Cases;

namespace CtoRules.Language.Conditions;

/// <summary>
/// A type-checked condition: every path is bound to a case field, a block or a derived fact, and
/// every literal is encoded as the field stores it (enum ordinal, 0/1, number).
/// </summary>
public abstract record BoundCondition
{
    /// <summary>
    /// Where the clause is in the rule's <c>when</c> text (zero-based offset and length), when it
    /// was bound from source; explanations use it to highlight. Not part of equality: two
    /// conditions are equal when they mean the same, wherever they were written.
    /// </summary>
    public TextRange? Range { get; init; }

    public virtual bool Equals(BoundCondition? other) =>
        ReferenceEquals(this, other) || (other is not null && EqualityContract == other.EqualityContract);

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Derived facts this condition reads.</summary>
    public IEnumerable<string> DerivedFacts() => Walk().OfType<BoundDerived>().Select(d => d.Name).Distinct();

    /// <summary>Scores whose points this condition reads.</summary>
    public IEnumerable<string> Scores() => Walk().OfType<BoundScore>().Select(s => s.Score).Distinct();

    /// <summary>Case fields and blocks this condition reads, as paths.</summary>
    public IEnumerable<string> CasePaths() => Walk().Select(n => n switch
    {
        BoundCompare c => c.Field.Path,
        BoundIn i => i.Field.Path,
        BoundKnownField k => k.Field.Path,
        BoundKnownBlock b => b.Block,
        _ => null,
    }).OfType<string>().Distinct();

    public IEnumerable<BoundCondition> Walk()
    {
        yield return this;
        var children = this switch
        {
            BoundAnd a => [a.Left, a.Right],
            BoundOr o => [o.Left, o.Right],
            BoundNot n => [n.Operand],
            _ => Array.Empty<BoundCondition>(),
        };
        foreach (var c in children)
            foreach (var d in c.Walk())
                yield return d;
    }
}

public sealed record BoundAnd(BoundCondition Left, BoundCondition Right) : BoundCondition
{
    public override string ToString() => $"({Left} and {Right})";
}

public sealed record BoundOr(BoundCondition Left, BoundCondition Right) : BoundCondition
{
    public override string ToString() => $"({Left} or {Right})";
}

public sealed record BoundNot(BoundCondition Operand) : BoundCondition
{
    public override string ToString() => $"not {Operand}";
}

public sealed record BoundConstant(bool Value) : BoundCondition
{
    public override string ToString() => Value ? "true" : "false";
}

public sealed record BoundKnownField(FactField Field) : BoundCondition
{
    public override string ToString() => $"known({Field.Path})";
}

public sealed record BoundKnownBlock(string Block) : BoundCondition
{
    public int Index { get; } = CaseSchema.BlockIndex(Block);

    public override string ToString() => $"known({Block})";
}

public sealed record BoundCompare(FactField Field, CompareOp Op, double Value) : BoundCondition
{
    public override string ToString() => $"{Field.Path} {Symbol(Op)} {Field.Render(Value)}";

    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Equal => "==",
        CompareOp.NotEqual => "!=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        _ => ">=",
    };

    public bool Holds(double value) => Op switch
    {
        CompareOp.Equal => value == Value,
        CompareOp.NotEqual => value != Value,
        CompareOp.Less => value < Value,
        CompareOp.LessOrEqual => value <= Value,
        CompareOp.Greater => value > Value,
        _ => value >= Value,
    };
}

public sealed record BoundIn(FactField Field, ImmutableArray<double> Values, bool Negated) : BoundCondition
{
    public override string ToString() =>
        $"{Field.Path} {(Negated ? "not in" : "in")} [{string.Join(", ", Values.Select(Field.Render))}]";

    public bool Holds(double value) => Values.Contains(value) != Negated;
}

/// <summary>
/// <c>score(NAME) op value</c>: the points of a score, read in three-valued logic over the interval
/// its undecided items leave open (docs/rule-format.md, "Reading a score").
/// </summary>
public sealed record BoundScore(string Score, CompareOp Op, double Value) : BoundCondition
{
    public override string ToString() => $"score({Score}) {BoundCompare.Symbol(Op)} {Numbers.Format(Value)}";
}

public sealed record BoundDerived(string Name) : BoundCondition
{
    public override string ToString() => Name;
}

internal static class Numbers
{
    public static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
