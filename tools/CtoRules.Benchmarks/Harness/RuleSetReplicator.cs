using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// The rule set with every rule, derived fact and score copied k times under new names (copy 0
/// keeps the original names; copy i appends <c>~i</c>), so that rule count grows k-fold while
/// each copy behaves exactly like the original: the scaling benchmark.
/// </summary>
public static class RuleSetReplicator
{
    public static string Suffix(int copy) => copy == 0 ? "" : "~" + copy;

    public static RuleSet Replicate(RuleSet set, int copies)
    {
        var rules = new List<RuleDefinition>();
        var scores = new List<Language.Scores.ScoreDefinition>();
        for (var k = 0; k < copies; k++)
        {
            var suffix = Suffix(k);
            foreach (var r in set.Rules)
                rules.Add(r with
                {
                    Id = r.Id + suffix,
                    Derives = r.Derives is null ? null : r.Derives + suffix,
                    Score = r.Score is null ? null : r.Score + suffix,
                    Condition = Rename(r.Condition, suffix),
                });
            foreach (var s in set.Scores)
                scores.Add(s with { Name = s.Name + suffix, Condition = s.Condition is null ? null : Rename(s.Condition, suffix) });
        }
        return new RuleSet
        {
            Manifest = set.Manifest,
            Rules = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)],
            Scores = [.. scores.OrderBy(s => s.Name, StringComparer.Ordinal)],
            Bibliography = set.Bibliography,
            Sources = set.Sources,
            ContentDigest = set.ContentDigest + "x" + copies,
        };
    }

    public static BoundCondition Rename(BoundCondition c, string suffix) => suffix.Length == 0 ? c : c switch
    {
        BoundAnd a => new BoundAnd(Rename(a.Left, suffix), Rename(a.Right, suffix)),
        BoundOr o => new BoundOr(Rename(o.Left, suffix), Rename(o.Right, suffix)),
        BoundNot n => new BoundNot(Rename(n.Operand, suffix)),
        BoundDerived d => new BoundDerived(d.Name + suffix),
        _ => c,
    };
}
