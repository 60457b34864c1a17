using CtoRules.Cases;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Tests;

/// <summary>
/// Rules that read a score (imaging.ccta.complex-anatomy-jcto: <c>score(J-CTO) &gt;= 2</c>) on the
/// shipped knowledge base: fired with the score in <c>because</c>, undecided with the score's
/// missing facts, never fired on undecided items counted as 0.
/// </summary>
public class ScoreReadingTests
{
    private const string Rule = "imaging.ccta.complex-anatomy-jcto";

    private static readonly Lazy<Advisor> Shipped = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln")))
                return new Advisor(RuleSetReader.LoadDirectory(Path.Combine(dir.FullName, "rules")).RuleSet!, TimeProvider.System);
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    });

    private static Advice.AdviceDocument Evaluate(CaseBuilder b) => Shipped.Value.Evaluate(b.Build());

    private static CaseBuilder Lesion(double lengthMm) => new CaseBuilder("t", "planning")
        .Set("lesion.vessel", "LAD").Set("lesion.calcification", "none").Set("lesion.stump", "blunt").Set("lesion.lengthMm", lengthMm);

    [Fact]
    public void Fires_when_the_decided_points_reach_the_threshold_and_shows_the_score_in_because()
    {
        var advice = Evaluate(Lesion(25));
        var item = advice.Advice.Should().ContainSingle(a => a.RuleId == Rule).Subject;
        item.Because.Should().Contain("score J-CTO = 2–4 / 5 (blunt-stump +1, length +1; undecided: bending, re-try)");
        advice.MissingFacts.Should().NotContain(m => m.WouldInform.Contains(Rule));
    }

    [Fact]
    public void Stays_undecided_with_the_items_facts_missing_when_only_undecided_items_could_reach_it()
    {
        var advice = Evaluate(Lesion(12));
        advice.Advice.Should().NotContain(a => a.RuleId == Rule);
        advice.MissingFacts.Where(m => m.WouldInform.Contains(Rule)).Select(m => m.Fact)
            .Should().BeEquivalentTo("lesion.bendOver45", "lesion.previousFailedAttempt");
    }

    [Fact]
    public void Is_false_when_every_item_is_decided_below_the_threshold()
    {
        var advice = Evaluate(Lesion(12).Set("lesion.bendOver45", false).Set("lesion.previousFailedAttempt", false));
        advice.Advice.Should().NotContain(a => a.RuleId == Rule);
        advice.MissingFacts.Should().NotContain(m => m.WouldInform.Contains(Rule));
    }

    [Theory]
    [InlineData(CompareOp.GreaterOrEqual, 2, Truth.True)]
    [InlineData(CompareOp.GreaterOrEqual, 3, Truth.Unknown)]
    [InlineData(CompareOp.GreaterOrEqual, 5, Truth.False)]
    [InlineData(CompareOp.Greater, 4, Truth.False)]
    [InlineData(CompareOp.Less, 2, Truth.False)]
    [InlineData(CompareOp.Less, 5, Truth.True)]
    [InlineData(CompareOp.LessOrEqual, 3, Truth.Unknown)]
    [InlineData(CompareOp.Equal, 3, Truth.Unknown)]
    [InlineData(CompareOp.Equal, 1, Truth.False)]
    [InlineData(CompareOp.NotEqual, 1, Truth.True)]
    public void Comparisons_use_the_interval_the_undecided_items_leave(CompareOp op, double value, Truth expected)
    {
        // 2 decided points, 2 more possible from undecided items: the score is somewhere in 2..4.
        var score = new ScoreFact("S", true, 2, 2, 4, 5, [("a", 2)], ["b"], ["lesion.x"]);
        score.Compare(op, value).Should().Be(expected);
        new ScoreFact("S", false, 0, 0, 0, 5, [], [], ["ccta"]).Compare(op, value).Should().Be(Truth.Unknown, "a score that is not computed has no points");
    }

    [Fact]
    public void The_CL_score_carries_its_unconfirmed_flag_in_the_advice()
    {
        var cl = Evaluate(Lesion(25)).Scores.Should().ContainSingle(x => x.Score == "CL").Subject;
        cl.Caveat.Should().Contain("not confirmed");
        Evaluate(Lesion(25)).Scores.Should().ContainSingle(x => x.Score == "J-CTO").Which.Caveat.Should().BeNull();
    }

    [Fact]
    public void Explain_shows_the_score_clause_with_its_points_and_its_undecided_items()
    {
        var fired = Shipped.Value.Explain(Lesion(25).Build(), Rule);
        fired.Outcome.Should().Be(Explanation.RuleOutcome.Fired);
        var clause = fired.Condition.Children.Should().ContainSingle(c => c.Kind == Explanation.ClauseKind.Score).Subject;
        clause.Facts.Should().ContainSingle().Which.Value.Should().Be("score J-CTO = 2–4 / 5 (blunt-stump +1, length +1; undecided: bending, re-try)");

        var undecided = Shipped.Value.Explain(Lesion(12).Build(), Rule);
        undecided.Outcome.Should().Be(Explanation.RuleOutcome.Undecided);
        undecided.MissingFacts.Should().BeEquivalentTo("lesion.bendOver45", "lesion.previousFailedAttempt");
    }
}
