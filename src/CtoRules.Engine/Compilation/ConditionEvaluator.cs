using CtoRules.Engine.Explanation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// Interprets a bound condition over one matched case (and its matched derived facts) in
/// three-valued logic, and explains the result: which facts made it true or false, and which
/// unknown facts left it undecided. Used inside rule actions on the case NRules matched, and by the
/// derived-fact pre-pass; derived facts are read from the case fact, where the pre-pass put them.
/// </summary>
internal static class ConditionEvaluator
{
    public static Truth Eval(BoundCondition condition, CaseFacts c) => condition switch
    {
        BoundAnd a => And(Eval(a.Left, c), Eval(a.Right, c)),
        BoundOr o => Or(Eval(o.Left, c), Eval(o.Right, c)),
        BoundNot n => Not(Eval(n.Operand, c)),
        BoundConstant k => k.Value ? Truth.True : Truth.False,
        BoundKnownField k => double.IsNaN(c.V[k.Field.Slot]) ? Truth.False : Truth.True,
        BoundKnownBlock b => c.HasBlock(b.Index) ? Truth.True : Truth.False,
        BoundCompare cmp => double.IsNaN(c.V[cmp.Field.Slot]) ? Truth.Unknown : cmp.Holds(c.V[cmp.Field.Slot]) ? Truth.True : Truth.False,
        BoundIn i => double.IsNaN(c.V[i.Field.Slot]) ? Truth.Unknown : i.Holds(c.V[i.Field.Slot]) ? Truth.True : Truth.False,
        BoundDerived d => c.FindDerived(d.Name)?.Value ?? Truth.Unknown,
        BoundScore s => FindScore(c, s.Score)?.Compare(s.Op, s.Value) ?? Truth.Unknown,
        _ => throw new InvalidOperationException($"unexpected condition {condition.GetType().Name}"),
    };

    internal static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;

    internal static Truth Or(Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;

    internal static Truth Not(Truth a) => a switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };

    /// <summary>The score a <see cref="BoundScore"/> reads; null until scores are computed.</summary>
    private static ScoreFact? FindScore(CaseFacts c, string name)
    {
        if (c.Scores is null) return null;
        foreach (var s in c.Scores)
            if (s.Name == name) return s;
        return null;
    }

    /// <summary>Adds to <paramref name="into"/> the facts that make <paramref name="condition"/> have the value <paramref name="expected"/>.</summary>
    public static void Explain(BoundCondition condition, bool expected, CaseFacts c, List<string> into)
    {
        switch (condition)
        {
            case BoundAnd a when expected:
            case BoundOr o when !expected:
                var (l, r) = condition is BoundAnd and ? (and.Left, and.Right) : (((BoundOr)condition).Left, ((BoundOr)condition).Right);
                Explain(l, expected, c, into);
                Explain(r, expected, c, into);
                break;
            case BoundAnd a2:
                // false: the first operand that is false is enough.
                Explain(Eval(a2.Left, c) == Truth.False ? a2.Left : a2.Right, false, c, into);
                break;
            case BoundOr o2:
                // true: the first operand that is true is enough.
                Explain(Eval(o2.Left, c) == Truth.True ? o2.Left : o2.Right, true, c, into);
                break;
            case BoundNot n:
                Explain(n.Operand, !expected, c, into);
                break;
            case BoundConstant:
                break;
            case BoundKnownField k:
                Add(into, expected ? FactText.PathEquals(k.Field, c.V[k.Field.Slot]) : $"{k.Field.Path}: unknown");
                break;
            case BoundKnownBlock b:
                Add(into, expected ? $"{b.Block}: given" : $"{b.Block}: not given");
                break;
            case BoundCompare cmp:
                Add(into, FactText.PathEquals(cmp.Field, c.V[cmp.Field.Slot]));
                break;
            case BoundIn i:
                Add(into, FactText.PathEquals(i.Field, c.V[i.Field.Slot]));
                break;
            case BoundDerived d when c.FindDerived(d.Name) is { } fact:
                Add(into, fact.Chain);
                break;
            case BoundScore s when FindScore(c, s.Score) is { } score:
                // The score with its points and items: the reader sees what the comparison was made on.
                Add(into, score.Describe());
                break;
        }
    }

    private static void Add(List<string> into, string item)
    {
        if (!into.Contains(item)) into.Add(item);
    }

    /// <summary>Adds the unknown case facts that leave an undecided condition undecided.</summary>
    public static void Missing(BoundCondition condition, CaseFacts c, List<string> into)
    {
        if (Eval(condition, c) != Truth.Unknown) return;
        switch (condition)
        {
            case BoundAnd a:
                Missing(a.Left, c, into);
                Missing(a.Right, c, into);
                break;
            case BoundOr o:
                Missing(o.Left, c, into);
                Missing(o.Right, c, into);
                break;
            case BoundNot n:
                Missing(n.Operand, c, into);
                break;
            case BoundCompare cmp:
                AddFact(into, cmp.Field, c);
                break;
            case BoundIn i:
                AddFact(into, i.Field, c);
                break;
            case BoundDerived d:
                foreach (var m in c.FindDerived(d.Name)?.Missing ?? [])
                    if (!into.Contains(m)) into.Add(m);
                break;
            case BoundScore s:
                foreach (var m in FindScore(c, s.Score)?.Missing ?? [])
                    if (!into.Contains(m)) into.Add(m);
                break;
        }
    }

    /// <summary>A missing fact is named by its block when the whole block is absent (e.g. "ivus").</summary>
    private static void AddFact(List<string> into, Cases.FactField field, CaseFacts c)
    {
        var name = c.HasBlock(Cases.CaseSchema.BlockIndex(field.Block)) ? field.Path : field.Block;
        if (!into.Contains(name)) into.Add(name);
    }
}
