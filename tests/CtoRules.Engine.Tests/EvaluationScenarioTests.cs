using CtoRules.Advice;

namespace CtoRules.Engine.Tests;

public class EvaluationScenarioTests
{
    private const string Head = "schema: ctorules/case@1\nid: t\n";

    [Fact]
    public void Chained_derived_facts_fire_the_rule_and_explain_the_whole_chain()
    {
        var advice = Scenario.Evaluate(Head + "lesion: { calcification: severe, lengthMm: 25 }\nprocedure: { stage: crossing }\n");

        var knuckle = advice.Advice.Should().ContainSingle(a => a.RuleId == "crossing.knuckle").Subject;
        knuckle.Kind.Should().Be("consider");
        knuckle.RuleVersion.Should().Be(2);
        knuckle.Because.Should().Equal(
            "heavyAndLong = true (derived by rule derived.heavy-long from " +
            "heavyCalcification = true (derived by rule derived.heavy from lesion.calcification = severe), lesion.lengthMm = 25)");
    }

    [Fact]
    public void A_comparison_over_an_unknown_fact_does_not_hold_and_is_reported_missing()
    {
        var advice = Scenario.Evaluate(Head + "lesion: { calcification: severe }\nprocedure: { stage: crossing }\n");

        advice.Advice.Should().NotContain(a => a.RuleId == "crossing.knuckle");
        advice.MissingFacts.Should().ContainSingle(m => m.Fact == "lesion.lengthMm")
            .Which.WouldInform.Should().Contain("crossing.knuckle");
    }

    [Fact]
    public void Unknown_or_false_stays_unknown_so_a_missing_block_is_named()
    {
        // calcification mild is false, but the CT alternative is unknown: heavyCalcification is undecided.
        // At planning, when a CCTA can still be obtained.
        var advice = Scenario.Evaluate(Head + "lesion: { calcification: mild, lengthMm: 25 }\nprocedure: { stage: planning }\n");

        advice.Advice.Should().NotContain(a => a.RuleId == "crossing.knuckle");
        advice.MissingFacts.Should().ContainSingle(m => m.Fact == "ccta").Which.WouldInform.Should().Equal("crossing.knuckle");
        advice.Undecided.Should().ContainSingle(u => u.RuleId == "crossing.knuckle").Which.DecidingFacts.Should().Equal("ccta");
    }

    [Fact]
    public void Missing_facts_that_decide_advice_come_before_those_that_only_move_a_score()
    {
        // Short occlusion: the knuckle is decided (no), the score's calcium item is not.
        var advice = Scenario.Evaluate(Head + "lesion: { lengthMm: 10 }\nprocedure: { stage: planning }\n");

        advice.MissingFacts.Select(m => m.Fact).Should().Equal("lesion.tortuosity", "lesion.vessel", "patient", "lesion.calcification");
        advice.MissingFacts.Select(m => m.Decides).Should().Equal("advice", "advice", "advice", "score");
        // A balloon result or the wire's track cannot be known at planning.
        advice.MissingFacts.Should().NotContain(m => m.Fact.StartsWith("procedure.", StringComparison.Ordinal));
        advice.Undecided.Select(u => u.RuleId).Should().Equal("planning.no-cabg", "crossing.tortuous");
        var tortuous = advice.Undecided[1];
        tortuous.Kind.Should().NotBeNullOrEmpty();
        tortuous.Actions.Should().NotBeEmpty();
        tortuous.DecidingFacts.Should().Equal("lesion.tortuosity", "lesion.vessel");
    }

    [Fact]
    public void A_fact_that_cannot_be_obtained_at_the_stage_is_not_asked_for()
    {
        // During the procedure a CCTA cannot be obtained any more: the rule stays undecided, but
        // neither the CCTA nor the advice it alone would decide is offered as help.
        var advice = Scenario.Evaluate(Head + "lesion: { calcification: mild, lengthMm: 25 }\nprocedure: { stage: crossing }\n");

        advice.Advice.Should().NotContain(a => a.RuleId == "crossing.knuckle");
        advice.MissingFacts.Should().NotContain(m => m.Fact == "ccta");
        advice.Undecided.Should().NotContain(u => u.RuleId == "crossing.knuckle");
    }

    [Fact]
    public void A_false_fact_decides_the_rule_and_nothing_is_missing_for_it()
    {
        var advice = Scenario.Evaluate(Head + "lesion: { calcification: mild, lengthMm: 25 }\nccta: { maxCalciumCsaPct: 20 }\nprocedure: { stage: crossing }\n");

        advice.Advice.Should().NotContain(a => a.RuleId == "crossing.knuckle");
        advice.MissingFacts.SelectMany(m => m.WouldInform).Should().NotContain("crossing.knuckle");
    }

    [Fact]
    public void Not_over_an_unknown_fact_is_unknown_not_true()
    {
        var unknown = Scenario.Evaluate(Head + "procedure: { stage: planning }\n");
        unknown.Advice.Should().NotContain(a => a.RuleId == "planning.no-cabg");
        unknown.MissingFacts.Should().Contain(m => m.Fact == "patient" && m.WouldInform.Contains("planning.no-cabg"));

        var known = Scenario.Evaluate(Head + "patient: { priorCabg: false }\nprocedure: { stage: planning }\n");
        known.Advice.Should().ContainSingle(a => a.RuleId == "planning.no-cabg")
            .Which.Because.Should().Equal("patient.priorCabg = false");
    }

    [Fact]
    public void In_and_not_in_need_a_known_value()
    {
        var fires = Scenario.Evaluate(Head + "lesion: { tortuosity: severe, vessel: RCA }\nprocedure: { stage: crossing }\n");
        fires.Advice.Should().ContainSingle(a => a.RuleId == "crossing.tortuous")
            .Which.Because.Should().Equal("lesion.tortuosity = severe", "lesion.vessel = RCA");

        var unknownVessel = Scenario.Evaluate(Head + "lesion: { tortuosity: severe }\nprocedure: { stage: crossing }\n");
        unknownVessel.Advice.Should().NotContain(a => a.RuleId == "crossing.tortuous");
        unknownVessel.MissingFacts.Should().Contain(m => m.Fact == "lesion.vessel");

        var excluded = Scenario.Evaluate(Head + "lesion: { tortuosity: severe, vessel: LM }\nprocedure: { stage: crossing }\n");
        excluded.Advice.Should().NotContain(a => a.RuleId == "crossing.tortuous");
    }

    [Fact]
    public void Earlier_stages_are_not_repeated_and_later_stages_fire_when_decided()
    {
        var planning = Scenario.Evaluate(Head + "lesion: { calcification: severe, lengthMm: 25 }\nprocedure: { stage: planning, tracking: extraplaque }\n");
        planning.Advice.Select(a => a.RuleId).Should().Equal("planning.dual", "crossing.knuckle", "prep.avoid-high-pressure");

        var prep = Scenario.Evaluate(Head + "lesion: { calcification: severe, lengthMm: 25 }\nprocedure: { stage: lesion-preparation, wireCrossed: true, tracking: extraplaque }\n");
        prep.Advice.Select(a => a.RuleId).Should().Equal("prep.avoid-high-pressure");
        prep.MissingFacts.SelectMany(m => m.WouldInform).Should().NotContain("planning.no-cabg", "earlier stages are out of scope");
    }

    [Fact]
    public void Advice_is_ordered_by_stage_then_step_then_rule_id()
    {
        var advice = Scenario.Evaluate(Head +
            "patient: { priorCabg: false }\nlesion: { calcification: severe, lengthMm: 25, tortuosity: moderate, vessel: LAD }\nprocedure: { stage: planning }\n");
        advice.Advice.Select(a => (a.Stage, a.Step, a.RuleId)).Should().Equal(
            ("planning", 1, "planning.dual"),
            ("planning", 2, "planning.no-cabg"),
            ("crossing", 1, "crossing.tortuous"),
            ("crossing", 2, "crossing.knuckle"));
    }

    [Fact]
    public void Scores_give_points_with_reasons_and_list_what_is_missing()
    {
        var partial = Scenario.Evaluate(Head + "lesion: { calcification: moderate }\nprocedure: { stage: planning }\n");
        var score = partial.Scores.Should().ContainSingle(s => s.Score == "T").Subject;
        score.Points.Should().Be(1);
        score.MaxPoints.Should().Be(3);
        score.Category.Should().BeNull("1 known point plus 2 unknown could be intermediate or difficult");
        score.Missing.Should().Equal("lesion.lengthMm");
        score.Components.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ScoreComponent("calcium", 1, ["lesion.calcification = moderate"]) { RuleId = "score.t.calcium" });
        score.References.Should().Equal("morino-2011");

        var certain = Scenario.Evaluate(Head + "lesion: { lengthMm: 30 }\nprocedure: { stage: planning }\n");
        certain.Scores.Single().Category.Should().Be("difficult", "2 points are difficult whatever the unknown item gives");

        var complete = Scenario.Evaluate(Head + "lesion: { calcification: none, lengthMm: 19.9 }\nprocedure: { stage: planning }\n");
        complete.Scores.Single().Should().Match<ScoreResult>(s => s.Points == 0 && s.Category == "easy" && s.Missing.IsEmpty);
    }

    [Fact]
    public void A_score_with_nothing_decided_is_not_shown()
    {
        var advice = Scenario.Evaluate(Head + "procedure: { stage: planning }\n");
        advice.Scores.Should().BeEmpty();
    }

    [Fact]
    public void A_working_copy_has_a_draft_version_and_no_digest()
    {
        var advice = Scenario.Evaluate(Head + "procedure: { stage: planning }\n");
        advice.RuleSet.Should().Be(new RuleSetReference("scenario", "0.1.0-draft", null));
        advice.Schema.Should().Be("ctorules/advice@1");
        advice.EvaluatedAt.Should().Be(Scenario.Now);
    }
}
