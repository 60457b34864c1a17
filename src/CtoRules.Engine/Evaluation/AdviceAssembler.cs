using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Evaluation;

/// <summary>Turns what the session produced into an advice@1 document.</summary>
internal static class AdviceAssembler
{
    public static AdviceDocument Assemble(CompiledRuleSet compiled, CaseFacts facts, EvaluationSink sink, DateTimeOffset evaluatedAt)
    {
        var set = compiled.RuleSet;
        var rules = compiled.Rules;

        var advice = sink.Fired
            .Where(f => rules[f.Rule].Role == RuleRole.Advice)
            .Select(f => (Rule: rules[f.Rule], f.Because))
            .OrderBy(f => CaseSchema.StageOrdinal(f.Rule.Stage!))
            .ThenBy(f => f.Rule.Step)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .Select(f => new AdviceItem(f.Rule.Id, f.Rule.Version, f.Rule.Kind!, f.Rule.Actions, f.Rule.Stage!, f.Rule.Step,
                f.Rule.Text!, f.Rule.References, [.. f.Because]))
            .ToImmutableArray();

        var derived = sink.Derived.ToArray();
        var scores = ImmutableArray.CreateBuilder<ScoreResult>();
        foreach (var score in set.Scores)
        {
            if (score.Condition is not null && ConditionEvaluator.Eval(score.Condition, facts, derived) != Truth.True) continue;
            var items = rules.Count(r => r.Role == RuleRole.ScoreItem && r.Score == score.Name);
            var fired = sink.Fired.Where(f => rules[f.Rule].Score == score.Name && rules[f.Rule].Role == RuleRole.ScoreItem).ToList();
            var undecided = sink.Undecided.Where(u => rules[u.Rule].Score == score.Name && rules[u.Rule].Role == RuleRole.ScoreItem).ToList();
            if (items == 0 || undecided.Count == items) continue; // nothing decided: the score cannot be computed
            var points = fired.Sum(f => rules[f.Rule].Points);
            var upper = Math.Min(score.MaxPoints, points + undecided.Sum(u => Math.Max(0, rules[u.Rule].Points)));
            var lower = points + undecided.Sum(u => Math.Min(0, rules[u.Rule].Points));
            var category = score.CategoryFor(lower, upper);
            scores.Add(new ScoreResult(
                score.Name, points, score.MaxPoints, category?.Label,
                [.. fired.OrderBy(f => rules[f.Rule].Id, StringComparer.Ordinal)
                    .Select(f => new ScoreComponent(rules[f.Rule].Item!, rules[f.Rule].Points, [.. f.Because]) { RuleId = rules[f.Rule].Id })],
                [.. undecided.SelectMany(u => u.Missing).Distinct().Order(StringComparer.Ordinal)],
                score.References)
            { CategoryNote = category?.Note });
        }

        var missing = sink.Undecided
            .SelectMany(u => u.Missing.Select(fact => (Fact: fact, rules[u.Rule].Id)))
            .GroupBy(m => m.Fact, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MissingFact(g.Key, [.. g.Select(m => m.Id).Distinct().Order(StringComparer.Ordinal)]))
            .ToImmutableArray();

        var manifest = set.Manifest;
        var reference = set.PublishedDigest is null
            ? new RuleSetReference(manifest.Id, manifest.Version + "-draft", null)
            : new RuleSetReference(manifest.Id, manifest.Version, set.PublishedDigest);
        var citations = advice.SelectMany(a => a.References).Concat(scores.SelectMany(s => s.References))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(key => set.Bibliography.TryGetValue(key, out var r) ? new Citation(key, r.Citation, r.Link) : new Citation(key, key, null))
            .ToImmutableArray();
        return new AdviceDocument(facts.Case.Id, reference, evaluatedAt, scores.ToImmutable(), advice, missing) { Citations = citations };
    }
}
