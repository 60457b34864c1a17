using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Benchmarks.Baselines.Fluent.Generated;

namespace CtoRules.Benchmarks.Baselines.Fluent;

/// <summary>
/// The hand-written app's last step: advice@1 from what the rule actions collected, in the
/// contract's order (advice by stage, step, id; scores by name; missing facts that can be
/// obtained at the stage, those deciding advice first, as CtoRules ranks them).
/// </summary>
public static class HandAssembler
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AdviceDocument Assemble(HandCase c, string caseId, string stage, RuleSetReference ruleSet, int copies)
    {
        var o = c.Out;
        var rules = KnowledgeBase.Rules;

        var fired = o.Fired.Where(f => rules[f.Rule].Role == HandRole.Advice).ToList();
        fired.Sort((a, b) =>
        {
            var ra = rules[a.Rule];
            var rb = rules[b.Rule];
            var x = ra.StageOrdinal.CompareTo(rb.StageOrdinal);
            if (x == 0) x = ra.Step.CompareTo(rb.Step);
            return x != 0 ? x : string.CompareOrdinal(Id(a.Rule, a.Copy), Id(b.Rule, b.Copy));
        });
        var advice = ImmutableArray.CreateBuilder<AdviceItem>(fired.Count);
        foreach (var f in fired)
        {
            var r = rules[f.Rule];
            advice.Add(new AdviceItem(Id(f.Rule, f.Copy), r.Version, r.Kind!, [.. r.Actions], r.Stage!, r.Step, r.Text!, [.. r.References], [.. f.Because]));
        }

        var scores = new List<ScoreResult>();
        for (var copy = 0; copy < copies; copy++)
        {
            for (var s = 0; s < KnowledgeBase.Scores.Length; s++)
            {
                var score = KnowledgeBase.Scores[s];
                if (KnowledgeBase.ScoreCondition(s, c, o, copy) != Tri.True) continue;
                var items = 0;
                foreach (var r in rules) if (r.Role == HandRole.ScoreItem && r.Score == score.Name) items++;
                var points = 0.0;
                var upperExtra = 0.0;
                var lowerExtra = 0.0;
                var components = new List<ScoreComponent>();
                var missing = new SortedSet<string>(StringComparer.Ordinal);
                var undecided = 0;
                foreach (var f in o.Fired)
                {
                    var r = rules[f.Rule];
                    if (f.Copy != copy || r.Role != HandRole.ScoreItem || r.Score != score.Name) continue;
                    points += r.Points;
                    components.Add(new ScoreComponent(r.Item!, r.Points, [.. f.Because]) { RuleId = Id(f.Rule, f.Copy) });
                }
                foreach (var u in o.Undecided)
                {
                    var r = rules[u.Rule];
                    if (u.Copy != copy || r.Role != HandRole.ScoreItem || r.Score != score.Name) continue;
                    undecided++;
                    upperExtra += Math.Max(0, r.Points);
                    lowerExtra += Math.Min(0, r.Points);
                    foreach (var m in u.Missing) missing.Add(m);
                }
                if (items == 0 || undecided == items) continue;
                components.Sort((a, b) => string.CompareOrdinal(a.RuleId, b.RuleId));
                var category = Category(score, points + lowerExtra, Math.Min(score.MaxPoints, points + upperExtra));
                scores.Add(new ScoreResult(score.Name + Suffix(copy), points, score.MaxPoints, category?.Label, [.. components], [.. missing], [.. score.References])
                { CategoryNote = category?.Note });
            }
        }
        scores.Sort((a, b) => string.CompareOrdinal(a.Score, b.Score));

        var byFact = new SortedDictionary<string, (SortedSet<string> Rules, int Advice)>(StringComparer.Ordinal);
        foreach (var u in o.Undecided)
            foreach (var m in u.Missing)
            {
                if (!CtoRules.Cases.CaseSchema.IsKnowableAt(m, stage)) continue;
                if (!byFact.TryGetValue(m, out var entry)) entry = (new SortedSet<string>(StringComparer.Ordinal), 0);
                entry.Rules.Add(Id(u.Rule, u.Copy));
                byFact[m] = rules[u.Rule].Role == HandRole.Advice ? (entry.Rules, entry.Advice + 1) : entry;
            }
        var missingFacts = byFact
            .OrderBy(p => p.Value.Advice > 0 ? 0 : 1)
            .ThenByDescending(p => p.Value.Advice > 0 ? p.Value.Advice : p.Value.Rules.Count)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new MissingFact(p.Key, [.. p.Value.Rules])).ToImmutableArray();

        return new AdviceDocument(caseId, ruleSet, At, [.. scores], advice.ToImmutable(), missingFacts);
    }

    private static HandCategory? Category(HandScoreInfo score, double low, double high)
    {
        var a = score.Categories.FirstOrDefault(c => c.Contains(low));
        var b = score.Categories.FirstOrDefault(c => c.Contains(high));
        return a is not null && ReferenceEquals(a, b) ? a : null;
    }

    private static string Id(int rule, int copy) => KnowledgeBase.Rules[rule].Id + Suffix(copy);

    private static string Suffix(int copy) => copy == 0 ? "" : "~" + copy;
}
