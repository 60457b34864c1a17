using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>
/// The case paths an advice rule reads, through its derived facts and the scores it reads
/// (their items and their <c>when</c>), transitively; and, separately, the paths it tests with
/// <c>known(…)</c>, the one construct of the language that is not monotone in what is known.
/// </summary>
public sealed class RuleDependencies(RuleSet set)
{
    private readonly Dictionary<string, RuleDefinition> _derivedBy = set.Rules.Where(r => r.Derives is not null).ToDictionary(r => r.Derives!, StringComparer.Ordinal);

    public (HashSet<string> Reads, HashSet<string> KnownTests) Of(RuleDefinition rule)
    {
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<BoundCondition>(ReferenceEqualityComparer.Instance);
        Visit(rule.Condition, reads, known, seen);
        return (reads, known);
    }

    private void Visit(BoundCondition? condition, HashSet<string> reads, HashSet<string> known, HashSet<BoundCondition> seen)
    {
        if (condition is null || !seen.Add(condition)) return;
        foreach (var node in condition.Walk())
        {
            switch (node)
            {
                case BoundKnownField k: known.Add(k.Field.Path); break;
                case BoundKnownBlock b: known.Add(b.Block); break;
            }
        }
        reads.UnionWith(condition.CasePaths());
        foreach (var name in condition.DerivedFacts())
            if (_derivedBy.TryGetValue(name, out var d)) Visit(d.Condition, reads, known, seen);
        foreach (var score in condition.Scores())
        {
            Visit(set.Scores.FirstOrDefault(s => s.Name == score)?.Condition, reads, known, seen);
            foreach (var item in set.Rules.Where(r => r.Score == score)) Visit(item.Condition, reads, known, seen);
        }
    }
}
