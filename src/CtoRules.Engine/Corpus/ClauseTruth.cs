using CtoRules.Cases;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;

namespace CtoRules.Engine.Corpus;

/// <summary>
/// The three-valued truth of one clause for a case, outside a session: the same semantics as the
/// compiled conditions (an unknown fact leaves a comparison unknown, never false).
/// </summary>
public static class ClauseTruth
{
    /// <summary>The clause's value for the case; <c>derived</c> gives the value of a derived fact for this case.</summary>
    public static Truth Of(BoundCondition clause, Case @case, Func<string, Truth> derived)
    {
        var v = @case.Values;
        return clause switch
        {
            BoundCompare cmp => double.IsNaN(v[cmp.Field.Slot]) ? Truth.Unknown : cmp.Holds(v[cmp.Field.Slot]) ? Truth.True : Truth.False,
            BoundIn i => double.IsNaN(v[i.Field.Slot]) ? Truth.Unknown : i.Holds(v[i.Field.Slot]) ? Truth.True : Truth.False,
            BoundKnownField k => double.IsNaN(v[k.Field.Slot]) ? Truth.False : Truth.True,
            BoundKnownBlock b => @case.HasBlock(b.Block) ? Truth.True : Truth.False,
            BoundDerived d => derived(d.Name),
            BoundConstant k => k.Value ? Truth.True : Truth.False,
            _ => throw new ArgumentException($"{clause} is not a clause", nameof(clause)),
        };
    }

    /// <summary>
    /// The derived facts of an evaluation by name: true when its rule fired, unknown when it was
    /// undecided, false otherwise (a derived fact is always inserted once its inputs are).
    /// </summary>
    public static Func<string, Truth> DerivedOf(Language.Rules.RuleSet ruleSet, EvaluationTrace trace)
    {
        var ruleOf = ruleSet.Rules.Where(r => r.Derives is not null).ToDictionary(r => r.Derives!, r => r.Id, StringComparer.Ordinal);
        return name => !ruleOf.TryGetValue(name, out var id) ? Truth.Unknown
            : trace.FiredRules.Contains(id) ? Truth.True
            : trace.UndecidedRules.Contains(id) ? Truth.Unknown
            : Truth.False;
    }
}
