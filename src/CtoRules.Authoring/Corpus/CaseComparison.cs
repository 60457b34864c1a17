using System.Collections.Immutable;
using CtoRules.Engine;
using CtoRules.Engine.Corpus;

namespace CtoRules.Authoring.Corpus;

/// <summary>
/// Expected and actual of one corpus case side by side: every expectation with whether it is met,
/// and every piece of advice, score and fired rule with whether an expectation forbids it.
/// Each expectation is checked alone with the corpus runner's own check, so the page and
/// <c>ctorules test</c> never disagree.
/// </summary>
public sealed record CaseComparison(ImmutableArray<ComparisonLine> Expected, ImmutableArray<ComparisonLine> Actual)
{
    public static CaseComparison Of(CorpusCase corpusCase, EvaluationTrace evaluation)
    {
        var e = corpusCase.Expect;
        var none = CorpusExpectations.Empty;
        var expected = ImmutableArray.CreateBuilder<ComparisonLine>();
        void Add(string section, string text, CorpusExpectations only)
        {
            var failure = CorpusRunner.Check(only, evaluation).FirstOrDefault();
            expected.Add(new ComparisonLine(section, text, failure is not null, failure));
        }
        foreach (var a in e.Advice) Add("advice", a.ToString(), none with { Advice = [a] });
        foreach (var a in e.NoAdvice) Add("no advice", a.ToString(), none with { NoAdvice = [a] });
        foreach (var o in e.Order) Add("order", $"{o.Before} before {o.After}", none with { Order = [o] });
        foreach (var (score, points) in e.Scores) Add("scores", $"{score} = {points}", none with { Scores = ImmutableDictionary<string, double>.Empty.Add(score, points) });
        foreach (var s in e.NoScores) Add("no scores", s, none with { NoScores = [s] });
        foreach (var r in e.Rules) Add("rules fire", r, none with { Rules = [r] });
        foreach (var r in e.NoRules) Add("rules do not fire", r, none with { NoRules = [r] });

        var actual = ImmutableArray.CreateBuilder<ComparisonLine>();
        foreach (var a in evaluation.Advice.Advice)
        {
            var forbidden = e.NoAdvice.FirstOrDefault(n => n.Kinds.Contains(a.Kind) && a.Actions.Any(x => x == n.Action));
            actual.Add(new ComparisonLine("advice", $"{a.Kind} {string.Join(", ", a.Actions)} ({a.RuleId}; {a.Stage} step {a.Step})",
                forbidden is not null, forbidden is null ? null : $"noAdvice forbids {forbidden}"));
        }
        foreach (var s in evaluation.Advice.Scores)
            actual.Add(new ComparisonLine("scores", $"{s.Score} = {s.Points}{(s.Category is null ? "" : $" ({s.Category})")}",
                e.NoScores.Contains(s.Score) || (e.Scores.TryGetValue(s.Score, out var p) && Math.Abs(p - s.Points) > 1e-9)));
        foreach (var r in evaluation.FiredRules)
            actual.Add(new ComparisonLine("rules fired", r, e.NoRules.Contains(r), e.NoRules.Contains(r) ? "noRules forbids it" : null));
        foreach (var r in evaluation.UndecidedRules)
            actual.Add(new ComparisonLine("rules undecided", r, e.Rules.Contains(r), e.Rules.Contains(r) ? "expected to fire" : null));
        return new CaseComparison(expected.ToImmutable(), actual.ToImmutable());
    }

    public bool Differs => Expected.Any(l => l.Differs) || Actual.Any(l => l.Differs);
}
