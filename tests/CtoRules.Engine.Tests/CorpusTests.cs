using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;

namespace CtoRules.Engine.Tests;

public class CorpusTests
{
    private static CorpusCaseResult Run(string yaml) =>
        CorpusRunner.RunOne(RuleSetCompiler.GetOrCompile(Scenario.RuleSet), CorpusReader.Read(yaml, "t.yaml"));

    private const string Case = """
        schema: ctorules/corpus-case@1
        title: t
        case:
          schema: ctorules/case@1
          id: t
          lesion: { calcification: severe, lengthMm: 25, tortuosity: severe, vessel: RCA }
          procedure: { stage: planning, tracking: extraplaque }
        """;

    [Fact]
    public void Every_kind_of_expectation_passes_when_met()
    {
        var result = Run(Case + """

            expect:
              advice:
                - { kind: recommend, action: DUAL-INJECTION }
                - { kind: [consider, recommend], action: KNUCKLE }
              noAdvice:
                - { kind: [recommend, consider], action: OPN-BALLOON }
              order:
                - [SUPPORT-ENHANCEMENT, KNUCKLE]
              scores: { T: 3 }
              rules: [crossing.knuckle, derived.heavy]
              noRules: [prep.opn]
              noScores: [J-CTO]
            """);
        result.Failures.Should().BeEmpty();
        result.Passed.Should().BeTrue();
    }

    [Fact]
    public void Failed_expectations_say_what_was_expected_and_what_came()
    {
        var result = Run(Case + """

            expect:
              advice:
                - { kind: recommend, action: KNUCKLE }
                - { kind: recommend, action: BAM }
              noAdvice:
                - { kind: avoid, action: HIGH-PRESSURE-DILATATION }
              order:
                - [KNUCKLE, SUPPORT-ENHANCEMENT]
              scores: { T: 2, J-CTO: 1 }
              rules: [prep.opn]
              noRules: [crossing.knuckle]
              noScores: [T]
            """);
        result.Failures.Should().Equal(
            "advice: expected { kind: recommend, action: KNUCKLE }; got consider (crossing.knuckle)",
            "advice: expected { kind: recommend, action: BAM }; no advice names BAM",
            "noAdvice: expected no { kind: avoid, action: HIGH-PRESSURE-DILATATION }; got avoid (prep.avoid-high-pressure)",
            "order: expected KNUCKLE before SUPPORT-ENHANCEMENT; got KNUCKLE at crossing step 2 and SUPPORT-ENHANCEMENT at crossing step 1",
            "scores: expected J-CTO = 1; got no J-CTO score",
            "scores: expected T = 2; got 3 from [calcium 1, length 2]",
            "noScores: expected no T score; got 3 points",
            "rules: expected prep.opn to fire; it did not fire",
            "noRules: expected crossing.knuckle not to fire; it fired");
    }

    [Fact]
    public void An_invalid_case_is_a_corpus_error_with_its_json_path_not_a_failure()
    {
        var result = Run("""
            schema: ctorules/corpus-case@1
            title: broken
            case:
              schema: ctorules/case@1
              id: b
              lesion: { lengthMm: 400, colour: red }
              procedure: { stage: planning }
            expect:
              advice: [{ kind: recommend, action: NOT-A-CODE }]
            """);
        result.IsError.Should().BeTrue();
        result.Case.Errors.Select(e => e.ToString()).Should().Equal(
            "case.lesion.lengthMm: 400 is above the maximum 300",
            "case.lesion.colour: unknown property 'colour'",
            "expect.advice[0].action: 'NOT-A-CODE' is not an action code of vocabulary@1");
    }

    [Fact]
    public void Coverage_lists_the_cases_that_fire_each_rule_and_its_near_misses()
    {
        var fires = CorpusReader.Read(Case, "fires.yaml");
        var near = CorpusReader.Read(Case.Replace("lengthMm: 25", "lengthMm: 10"), "near.yaml");
        var report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(Scenario.RuleSet), [fires, near]);
        var knuckle = report.Coverage.Single(c => c.RuleId == "crossing.knuckle");
        knuckle.FiredIn.Should().Equal("fires.yaml");
        knuckle.NearMissIn.Should().Equal("near.yaml");
        knuckle.Covered.Should().BeTrue();
        report.Coverage.Single(c => c.RuleId == "prep.opn").Covered.Should().BeFalse("no case fires it");
    }
}
