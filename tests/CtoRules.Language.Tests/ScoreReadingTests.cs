using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;
using static CtoRules.Language.Tests.RuleSets;

namespace CtoRules.Language.Tests;

/// <summary><c>score(NAME) op number</c>: parsed, type-checked and located like any condition.</summary>
public class ScoreReadingTests
{
    private const string X = "rules/lesion-preparation/x.md";

    [Fact]
    public void A_score_comparison_binds_to_the_score_with_its_operator_and_value()
    {
        var load = Load((X, AdviceRule(when: "lesion.inStent and score(J-CTO) >= 2")), ("rules/scores/J-CTO.yaml", JctoScore),
            ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a")));
        load.Diagnostics.Should().BeEmpty();
        var condition = load.RuleSet!.Find("prep.x")!.Condition;
        condition.Walk().OfType<BoundScore>().Should().ContainSingle()
            .Which.Should().Be(new BoundScore("J-CTO", CompareOp.GreaterOrEqual, 2));
        condition.Scores().Should().Equal("J-CTO");
        condition.ToString().Should().Be("(lesion.inStent == true and score(J-CTO) >= 2)");
    }

    [Fact]
    public void An_unknown_score_name_is_CTO3011_at_the_name_with_a_suggestion()
    {
        var d = Load((X, AdviceRule(when: "lesion.inStent and score(J-CT0) >= 2")), ("rules/scores/J-CTO.yaml", JctoScore),
            ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a"))).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO3011");
        d.Location.Should().Be(At(X, 8, 32));
        d.Message.Should().Be("unknown score 'J-CT0'; did you mean 'J-CTO'?");
        DiagnosticDescriptors.All.Should().Contain(x => x.Code == "CTO3011").And.Contain(x => x.Code == "CTO3012");
    }

    [Fact]
    public void A_score_compared_with_a_word_is_a_type_error_and_outside_its_range_a_warning()
    {
        Load((X, AdviceRule(when: "score(J-CTO) == high")), ("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a")))
            .Diagnostics.Should().ContainSingle().Which.Code.Should().Be("CTO3003");
        var warning = Load((X, AdviceRule(when: "score(J-CTO) > 9")), ("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a")))
            .Diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be("CTO3005");
        warning.Message.Should().Be("9 is outside the range of score(J-CTO) (0–5); the comparison is constant");
    }

    [Fact]
    public void A_score_item_may_not_read_a_score_even_through_a_derived_fact()
    {
        var direct = Load(("rules/scores/J-CTO.yaml", JctoScore),
            ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a").Replace("when: lesion.inStent", "when: score(J-CTO) >= 1", StringComparison.Ordinal)));
        direct.Diagnostics.Should().ContainSingle().Which.Message.Should().Be(
            "score item 's.a' reads score J-CTO; a score's items and 'when' may not read a score, directly or through derived facts");

        var through = Load(("rules/scores/J-CTO.yaml", JctoScore),
            ("rules/derived/d.md", DerivedRule("d.high", "high", "score(J-CTO) >= 3")),
            ("rules/scores/J-CTO/s.a.md", ScoreItem("s.a", "a").Replace("when: lesion.inStent", "when: high", StringComparison.Ordinal)));
        var d = through.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO3012");
        d.Message.Should().Contain("through derived facts");
    }

    [Fact]
    public void Score_is_a_keyword_and_cannot_name_a_derived_fact() =>
        Load(("rules/derived/d.md", DerivedRule("d.a", "score", "lesion.inStent")))
            .Diagnostics.Should().ContainSingle().Which.Code.Should().Be("CTO1012");
}
