using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Corpus;

/// <summary>
/// Runs corpus cases against a compiled rule set and checks every expectation (docs/corpus.md).
/// </summary>
public static class CorpusRunner
{
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static CorpusReport Run(CompiledRuleSet compiled, IEnumerable<CorpusCase> cases)
    {
        var results = RunAll(compiled, [.. cases]);
        return new CorpusReport(results, Coverage(compiled, results));
    }

    /// <summary>
    /// Every case's result, in order: the valid cases go through the batch API
    /// (<see cref="CompiledRuleSet.DefaultBatchSize"/> per session), with the same traces as <see cref="RunOne"/>.
    /// </summary>
    public static ImmutableArray<CorpusCaseResult> RunAll(CompiledRuleSet compiled, IReadOnlyList<CorpusCase> cases)
    {
        var valid = cases.Where(c => c.IsValid).ToList();
        var traces = compiled.Trace([.. valid.Select(c => c.Case!)], FixedTime);
        var byCase = new Dictionary<CorpusCase, EvaluationTrace>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < valid.Count; i++) byCase[valid[i]] = traces[i];
        return [.. cases.Select(c => byCase.TryGetValue(c, out var t)
            ? new CorpusCaseResult(c, t, [.. Check(c.Expect, t)])
            : new CorpusCaseResult(c, null, []))];
    }

    /// <summary>A report over results already produced one by one (a run that shows progress).</summary>
    public static CorpusReport Report(CompiledRuleSet compiled, ImmutableArray<CorpusCaseResult> results) =>
        new(results, Coverage(compiled, results));

    public static CorpusCaseResult RunOne(CompiledRuleSet compiled, CorpusCase corpusCase)
    {
        if (!corpusCase.IsValid) return new CorpusCaseResult(corpusCase, null, []);
        var evaluation = compiled.Trace(corpusCase.Case!, FixedTime);
        return new CorpusCaseResult(corpusCase, evaluation, [.. Check(corpusCase.Expect, evaluation)]);
    }

    /// <summary>Every failed expectation, as "expected …; got …".</summary>
    public static IEnumerable<string> Check(CorpusExpectations expect, EvaluationTrace evaluation)
    {
        var advice = evaluation.Advice.Advice;
        string Got(string action)
        {
            var items = advice.Where(a => a.Actions.Contains(action)).Select(a => $"{a.Kind} ({a.RuleId})").ToList();
            return items.Count == 0 ? $"no advice names {action}" : "got " + string.Join(", ", items);
        }

        foreach (var e in expect.Advice)
            if (!advice.Any(a => a.Actions.Contains(e.Action) && e.Kinds.Contains(a.Kind)))
                yield return $"advice: expected {e}; {Got(e.Action)}";
        foreach (var e in expect.NoAdvice)
        {
            var hit = advice.Where(a => a.Actions.Contains(e.Action) && e.Kinds.Contains(a.Kind)).ToList();
            if (hit.Count > 0)
                yield return $"noAdvice: expected no {e}; got {string.Join(", ", hit.Select(a => $"{a.Kind} ({a.RuleId})"))}";
        }
        foreach (var (before, after) in expect.Order)
        {
            var a = FirstPosition(advice, before);
            var b = FirstPosition(advice, after);
            if (a is null || b is null)
                yield return $"order: expected {before} before {after}; {(a is null ? Got(before) : Got(after))}";
            else if (a.Value.CompareTo(b.Value) >= 0)
                yield return $"order: expected {before} before {after}; got {before} at {CaseSchema.Stages[a.Value.Stage]} step {a.Value.Step} and {after} at {CaseSchema.Stages[b.Value.Stage]} step {b.Value.Step}";
        }
        foreach (var (score, points) in expect.Scores.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var result = evaluation.Advice.Scores.FirstOrDefault(s => s.Score == score);
            if (result is null) yield return $"scores: expected {score} = {points}; got no {score} score";
            else if (Math.Abs(result.Points - points) > 1e-9)
                yield return $"scores: expected {score} = {points}; got {result.Points} from [{string.Join(", ", result.Components.Select(c => $"{c.Item} {c.Points}"))}]" +
                    (result.Missing.IsEmpty ? "" : $", missing [{string.Join(", ", result.Missing)}]");
        }
        foreach (var score in expect.NoScores)
            if (evaluation.Advice.Scores.Any(s => s.Score == score))
                yield return $"noScores: expected no {score} score; got {evaluation.Advice.Scores.First(s => s.Score == score).Points} points";
        foreach (var rule in expect.Rules)
            if (!evaluation.FiredRules.Contains(rule))
                yield return $"rules: expected {rule} to fire; " +
                    (evaluation.UndecidedRules.Contains(rule) ? "it was undecided (unknown facts)" : "it did not fire");
        foreach (var rule in expect.NoRules)
            if (evaluation.FiredRules.Contains(rule))
                yield return $"noRules: expected {rule} not to fire; it fired";
    }

    private readonly record struct Position(int Stage, int Step) : IComparable<Position>
    {
        public int CompareTo(Position other) => Stage != other.Stage ? Stage.CompareTo(other.Stage) : Step.CompareTo(other.Step);
    }

    /// <summary>Where an action is first advised (avoid and note items do not count as "doing" it).</summary>
    private static Position? FirstPosition(IEnumerable<AdviceItem> advice, string action)
    {
        Position? best = null;
        foreach (var a in advice)
        {
            if (!a.Actions.Contains(action) || a.Kind is Vocabulary.Avoid or Vocabulary.Note) continue;
            var p = new Position(CaseSchema.StageOrdinal(a.Stage), a.Step);
            if (best is null || p.CompareTo(best.Value) < 0) best = p;
        }
        return best;
    }

    /// <summary>
    /// A rule is covered when it fires in a case and is absent in a near-miss case: a case where it
    /// is in scope and reads at least one fact the case gives, yet does not fire (for a rule that
    /// reads no fact: a case beyond its stage).
    /// </summary>
    private static ImmutableArray<RuleCoverage> Coverage(CompiledRuleSet compiled, ImmutableArray<CorpusCaseResult> results)
    {
        var valid = results.Where(r => r.Evaluation is not null).ToList();
        return [.. compiled.Rules.Select(rule =>
        {
            // What the rule reads, worked out once per rule rather than once per rule and case.
            var reads = new RuleReads(rule);
            var fired = ImmutableArray.CreateBuilder<string>();
            var near = ImmutableArray.CreateBuilder<string>();
            foreach (var r in valid)
            {
                if (r.Evaluation!.FiredRules.Contains(rule.Id)) fired.Add(r.Case.File);
                else if (reads.IsNearMiss(r.Case.Case!)) near.Add(r.Case.File);
            }
            return new RuleCoverage(rule.Id, fired.ToImmutable(), near.ToImmutable());
        })];
    }

    private sealed class RuleReads(RuleDefinition rule)
    {
        private readonly FactField?[] _fields = [.. rule.Condition.CasePaths().Distinct(StringComparer.Ordinal)
            .Select(p => CaseSchema.IsBlock(p) ? null : CaseSchema.Find(p))];
        private readonly bool _readsDerived = rule.Condition.DerivedFacts().Any();
        private readonly int _stage = rule.Role == RuleRole.Advice ? CaseSchema.StageOrdinal(rule.Stage!) : int.MaxValue;

        public bool IsNearMiss(Case @case)
        {
            var inScope = Facts.Scope.StageOrdinal(@case.UnsafeValues) <= _stage;
            if (_fields.Length == 0 && !_readsDerived) return !inScope;
            if (!inScope) return false;
            if (_readsDerived) return true;
            foreach (var f in _fields)
                if (f is null || @case.IsKnown(f)) return true;
            return false;
        }
    }
}
