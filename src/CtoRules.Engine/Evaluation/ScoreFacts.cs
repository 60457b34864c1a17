using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Evaluation;

/// <summary>
/// Builds the <see cref="ScoreFact"/>s of one evaluation from the score items that fired and those
/// left undecided, for rules that read scores. It runs once the session has derived every fact the
/// items need and the items' undecided check has run (<see cref="CompiledRuleSet"/>); score items
/// never read scores (CTO3012), so nothing they depend on can change afterwards.
/// </summary>
internal static class ScoreFacts
{
    public static ScoreFact[] Compute(CompiledRuleSet compiled, CaseFacts facts, EvaluationSink sink)
    {
        var set = compiled.RuleSet;
        var rules = compiled.Rules;
        var shape = compiled.Shape;
        var result = new ScoreFact[set.Scores.Length];
        for (var s = 0; s < result.Length; s++)
        {
            var score = set.Scores[s];
            var plan = compiled.ScorePlans[s];
            var when = plan is null ? Truth.True : plan.Eval(facts);
            if (when != Truth.True)
            {
                var open = new List<string>();
                if (when == Truth.Unknown) plan!.Missing(facts, open);
                else open.AddRange(score.Condition!.CasePaths());
                result[s] = new ScoreFact(score.Name, false, 0, 0, 0, score.MaxPoints, [], [], open);
                continue;
            }
            double points = 0, up = 0, down = 0;
            var components = new List<(string, double)>();
            foreach (var f in sink.Fired)
                if (shape.ScoreOf[f.Rule] == s)
                {
                    points += rules[f.Rule].Points;
                    components.Add((rules[f.Rule].Item!, rules[f.Rule].Points));
                }
            var undecided = new List<string>();
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var u in sink.Undecided)
                if (shape.ScoreOf[u.Rule] == s)
                {
                    var p = rules[u.Rule].Points;
                    up += Math.Max(0, p);
                    down += Math.Min(0, p);
                    undecided.Add(rules[u.Rule].Item!);
                    missing.UnionWith(u.Missing);
                }
            components.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
            undecided.Sort(StringComparer.Ordinal);
            result[s] = new ScoreFact(score.Name, true, points, Math.Max(0, points + down), Math.Min(score.MaxPoints, points + up),
                score.MaxPoints, components, undecided, [.. missing]);
        }
        return result;
    }
}
