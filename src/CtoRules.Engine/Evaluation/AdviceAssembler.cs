using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Evaluation;

/// <summary>
/// Turns what the session produced into an advice@1 document. Written with loops over the
/// per-rule facts of <see cref="RuleSetShape"/> rather than LINQ: it runs once per evaluation
/// and its LINQ form was a seventh of an evaluation's time (docs/performance.md).
/// </summary>
internal static class AdviceAssembler
{
    public static AdviceDocument Assemble(CompiledRuleSet compiled, CaseFacts facts, EvaluationSink sink, DateTimeOffset evaluatedAt)
    {
        var set = compiled.RuleSet;
        var rules = compiled.Rules;
        var shape = compiled.Shape;

        // Advice: by stage, then step, then id.
        int Order(int a, int b)
        {
            var x = shape.StageOrdinal[a].CompareTo(shape.StageOrdinal[b]);
            if (x == 0) x = rules[a].Step.CompareTo(rules[b].Step);
            return x != 0 ? x : string.CompareOrdinal(rules[a].Id, rules[b].Id);
        }
        var fired = new List<(int Rule, List<string> Because)>(sink.Fired.Count);
        foreach (var f in sink.Fired)
            if (rules[f.Rule].Role == RuleRole.Advice) fired.Add(f);
        fired.Sort((a, b) => Order(a.Rule, b.Rule));
        var advice = ImmutableArray.CreateBuilder<AdviceItem>(fired.Count);
        foreach (var (index, because) in fired)
        {
            var r = rules[index];
            advice.Add(new AdviceItem(r.Id, r.Version, r.Kind!, r.Actions, r.Stage!, r.Step, r.Text!, r.References, [.. because]));
        }

        // Scores: each score's fired and undecided items, in one pass over each list.
        var scoreCount = set.Scores.Length;
        var scores = ImmutableArray.CreateBuilder<ScoreResult>();
        var scoreIncluded = new bool[scoreCount];
        if (scoreCount > 0)
        {
            var firedByScore = new List<(int Rule, List<string> Because)>?[scoreCount];
            var undecidedByScore = new List<(int Rule, List<string> Missing)>?[scoreCount];
            foreach (var f in sink.Fired)
                if (shape.ScoreOf[f.Rule] is var s and >= 0) (firedByScore[s] ??= []).Add(f);
            foreach (var u in sink.Undecided)
                if (shape.ScoreOf[u.Rule] is var s and >= 0) (undecidedByScore[s] ??= []).Add(u);
            for (var s = 0; s < scoreCount; s++)
            {
                var score = set.Scores[s];
                if (compiled.ScorePlans[s] is { } when && when.Eval(facts) != Truth.True) continue;
                var items = shape.ItemsPerScore[s];
                var scoreFired = firedByScore[s];
                var scoreUndecided = undecidedByScore[s];
                var undecidedCount = scoreUndecided?.Count ?? 0;
                if (items == 0 || undecidedCount == items) continue; // nothing decided: the score cannot be computed
                double points = 0, upperExtra = 0, lowerExtra = 0;
                if (scoreFired is not null)
                    foreach (var f in scoreFired) points += rules[f.Rule].Points;
                var missing = new List<string>();
                if (scoreUndecided is not null)
                    foreach (var u in scoreUndecided)
                    {
                        var p = rules[u.Rule].Points;
                        upperExtra += Math.Max(0, p);
                        lowerExtra += Math.Min(0, p);
                        foreach (var m in u.Missing)
                            if (!missing.Contains(m)) missing.Add(m);
                    }
                missing.Sort(StringComparer.Ordinal);
                var category = score.CategoryFor(points + lowerExtra, Math.Min(score.MaxPoints, points + upperExtra));
                var components = ImmutableArray.CreateBuilder<ScoreComponent>(scoreFired?.Count ?? 0);
                if (scoreFired is not null)
                {
                    scoreFired.Sort((a, b) => string.CompareOrdinal(rules[a.Rule].Id, rules[b.Rule].Id));
                    foreach (var f in scoreFired)
                    {
                        var r = rules[f.Rule];
                        components.Add(new ScoreComponent(r.Item!, r.Points, [.. f.Because]) { RuleId = r.Id });
                    }
                }
                scoreIncluded[s] = true;
                scores.Add(new ScoreResult(score.Name, points, score.MaxPoints, category?.Label, components.MoveToImmutable(),
                    [.. missing], score.References)
                { CategoryNote = category?.Note, Caveat = score.Caveat });
            }
        }

        // Missing facts that help: only facts that can still be obtained at the case's stage
        // (no CCTA during the procedure, no balloon result at planning: CaseSchema.Knowable).
        var stage = facts.Case.Stage;
        var stageOrdinal = CaseSchema.StageOrdinal(stage);
        var byFact = new Dictionary<string, (List<int> Rules, int Advice)>(StringComparer.Ordinal);
        var undecided = new List<(int Rule, ImmutableArray<string> Facts)>();
        foreach (var u in sink.Undecided)
        {
            var isAdvice = rules[u.Rule].Role == RuleRole.Advice;
            var deciding = ImmutableArray.CreateBuilder<string>(u.Missing.Count);
            foreach (var fact in u.Missing)
            {
                if (!shape.IsKnowableAt(fact, stage, stageOrdinal)) continue;
                deciding.Add(fact);
                if (!byFact.TryGetValue(fact, out var entry)) entry = (new List<int>(4), 0);
                // A rule is undecided once per evaluation and lists a fact once: no duplicates.
                entry.Rules.Add(u.Rule);
                byFact[fact] = isAdvice ? (entry.Rules, entry.Advice + 1) : entry;
            }
            if (isAdvice && deciding.Count > 0) undecided.Add((u.Rule, deciding.Count == deciding.Capacity ? deciding.MoveToImmutable() : deciding.ToImmutable()));
        }
        // Ranked: facts that decide advice first (those deciding more advice before), facts that
        // only move a score last; ties by name, so the order is stable.
        // Sorted as integers (group, count) then by name, without LINQ.
        var ranked = new List<(string Fact, List<int> Rules, int Advice)>(byFact.Count);
        foreach (var (fact, (ids, adviceCount)) in byFact) ranked.Add((fact, ids, adviceCount));
        ranked.Sort(static (a, b) =>
        {
            var x = (a.Advice > 0 ? 0 : 1).CompareTo(b.Advice > 0 ? 0 : 1);
            if (x == 0) x = (b.Advice > 0 ? b.Advice : b.Rules.Count).CompareTo(a.Advice > 0 ? a.Advice : a.Rules.Count);
            return x != 0 ? x : string.CompareOrdinal(a.Fact, b.Fact);
        });
        var missingFacts = ImmutableArray.CreateBuilder<MissingFact>(byFact.Count);
        var rank = shape.IdRank;
        foreach (var (fact, ruleIndexes, adviceCount) in ranked)
        {
            // The rules' ids in ordinal order: sorted as ranks.
            var ranks = new int[ruleIndexes.Count];
            for (var k = 0; k < ranks.Length; k++) ranks[k] = rank[ruleIndexes[k]];
            Array.Sort(ranks);
            var ids = ImmutableArray.CreateBuilder<string>(ranks.Length);
            foreach (var r in ranks) ids.Add(shape.IdsByRank[r]);
            missingFacts.Add(new MissingFact(fact, ids.MoveToImmutable()) { Decides = adviceCount > 0 ? MissingFact.DecidesAdvice : MissingFact.DecidesScore });
        }

        undecided.Sort((a, b) => Order(a.Rule, b.Rule));
        var undecidedAdvice = ImmutableArray.CreateBuilder<UndecidedAdvice>(undecided.Count);
        foreach (var (index, deciding) in undecided)
        {
            var r = rules[index];
            undecidedAdvice.Add(new UndecidedAdvice(r.Id, r.Version, r.Kind!, r.Actions, r.Stage!, r.Step, r.Title, deciding));
        }

        var manifest = set.Manifest;
        var reference = set.PublishedDigest is null
            ? new RuleSetReference(manifest.Id, manifest.Version + "-draft", null)
            : new RuleSetReference(manifest.Id, manifest.Version, set.PublishedDigest);
        // Citations: every key the advice and scores use, once, in ordinal order (marked by index).
        var cited = new bool[shape.CitationsInOrder.Length];
        var citedCount = 0;
        void Cite(int[] indexes)
        {
            foreach (var k in indexes)
                if (!cited[k]) { cited[k] = true; citedCount++; }
        }
        foreach (var (index, _) in fired) Cite(shape.RuleReferenceIndexes[index]);
        for (var s = 0; s < scoreCount; s++)
            if (scoreIncluded[s]) Cite(shape.ScoreReferenceIndexes[s]);
        var citations = ImmutableArray.CreateBuilder<Citation>(citedCount);
        for (var k = 0; k < cited.Length; k++)
            if (cited[k]) citations.Add(shape.CitationsInOrder[k]);
        return new AdviceDocument(facts.Case.Id, reference, evaluatedAt, scores.ToImmutable(), advice.MoveToImmutable(), missingFacts.MoveToImmutable())
        { Citations = citations.MoveToImmutable(), Undecided = undecidedAdvice.MoveToImmutable() };
    }
}
