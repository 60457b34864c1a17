using System.Text.Json.Nodes;

namespace CtoRules.Cli.Tests;

/// <summary>Undecided advice and ranked missing facts in <c>ctorules evaluate</c>, text and JSON.</summary>
public class UndecidedAdviceCliTests
{
    private static readonly string Tour = Path.Combine(Cli.RepoRoot, "samples", "cases", "tour-prep-extraplaque.yaml");

    [Fact]
    public void Text_lists_undecided_advice_with_the_facts_that_would_decide_it()
    {
        var r = Cli.Run("evaluate", Tour);
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("UNDECIDED ADVICE");
        r.Out.Should().Contain("stent-optimisation 1. AVOID     OCT  [imaging.oct.avoid-contrast-constrained v1]");
        r.Out.Should().Contain("would be decided by: procedure.contrastLimited, patient");
        var missing = r.Out[r.Out.IndexOf("MISSING FACTS", StringComparison.Ordinal)..r.Out.IndexOf("REFERENCES", StringComparison.Ordinal)];
        missing.Should().NotContain("ccta", "a CCTA cannot be obtained during lesion preparation");
    }

    [Fact]
    public void Json_ranks_facts_that_decide_advice_before_those_that_only_move_a_score()
    {
        var doc = JsonNode.Parse(Cli.Run("evaluate", Tour, "--format", "json").Out)!;
        var decides = doc["missingFacts"]!.AsArray().Select(m => m!["decides"]!.GetValue<string>()).ToList();
        decides.Should().Contain("advice").And.Contain("score");
        decides.Should().BeInAscendingOrder(StringComparer.Ordinal, "advice sorts before score");
        var oct = doc["undecided"]!.AsArray().Single(u => u!["ruleId"]!.GetValue<string>() == "imaging.oct.avoid-contrast-constrained")!;
        oct["kind"]!.GetValue<string>().Should().Be("avoid");
        oct["actions"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("OCT");
        oct["decidingFacts"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("procedure.contrastLimited", "patient");
        doc["advice"]!.AsArray().Select(a => a!["ruleId"]!.GetValue<string>()).Should().NotContain("imaging.oct.avoid-contrast-constrained");
    }
}
