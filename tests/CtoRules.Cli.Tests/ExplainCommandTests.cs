using System.Text.Json.Nodes;

namespace CtoRules.Cli.Tests;

/// <summary><c>ctorules explain</c> on the built binary, with the shipped rules.</summary>
public class ExplainCommandTests
{
    private const string Planning = "schema: ctorules/case@1\nid: e2e-explain\nlesion: { calcification: severe, lengthMm: 25, stump: blunt, bendOver45: false, previousFailedAttempt: false }\nprocedure: { stage: planning }\n";

    private static string CaseFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ctorules-explain-").FullName, "case.yaml");
        File.WriteAllText(path, Planning);
        return path;
    }

    [Fact]
    public void A_rule_that_did_not_fire_is_drawn_as_a_tree_with_the_clause_that_stopped_it()
    {
        var r = Cli.Run("explain", CaseFile(), "--rule", "imaging.ccta.limitations");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("Outcome: did not fire");
        r.Out.Should().Contain("✗ known(ccta)   [ccta = not given]  ◀");
        // The derived fact is expanded into its own condition, down to the value that decided it.
        r.Out.Should().Contain("✓ heavyCalcification  (derived fact, rule derived.heavy-calcification)");
        r.Out.Should().Contain("✓ lesion.calcification == severe   [lesion.calcification = severe]");
        r.Out.Should().Contain("? ccta.maxCalciumCsaPct >= 50   [ccta.maxCalciumCsaPct unknown]");
    }

    [Fact]
    public void An_undecided_rule_lists_the_missing_facts_that_would_decide_it()
    {
        var r = Cli.Run("explain", CaseFile(), "--rule", "note.context.post-cabg");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("Outcome: undecided");
        r.Out.Should().Contain("? patient.priorCabg == true   [patient.priorCabg unknown]  ◀");
        r.Out.Should().Contain("MISSING FACTS that would decide it: patient");
    }

    [Fact]
    public void Json_is_the_engine_explanation_and_agrees_with_evaluate()
    {
        var file = CaseFile();
        var x = JsonNode.Parse(Cli.Run("explain", file, "--rule", "imaging.dual-injection", "--format", "json").Out)!;
        x["outcome"]!.GetValue<string>().Should().Be("fired");
        x["condition"]!["value"]!.GetValue<string>().Should().Be("true");
        x["blocking"]!.AsArray().Should().BeEmpty();
        var advice = JsonNode.Parse(Cli.Run("evaluate", file, "--format", "json").Out)!;
        advice["advice"]!.AsArray().Select(a => a!["ruleId"]!.GetValue<string>()).Should().Contain("imaging.dual-injection");

        var notFired = JsonNode.Parse(Cli.Run("explain", file, "--rule", "imaging.ccta.limitations", "--format", "json").Out)!;
        notFired["outcome"]!.GetValue<string>().Should().Be("not-fired");
        notFired["blocking"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).Should().Equal("known(ccta)");
        advice["advice"]!.AsArray().Select(a => a!["ruleId"]!.GetValue<string>()).Should().NotContain("imaging.ccta.limitations");
    }

    [Fact]
    public void An_unknown_rule_is_a_clear_error_with_a_suggestion_and_exit_2()
    {
        var r = Cli.Run("explain", CaseFile(), "--rule", "imaging.dual-injektion");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("no rule 'imaging.dual-injektion' in eurocto-calcified-cto; did you mean 'imaging.dual-injection'?");
        r.Err.Should().NotContain("   at ");
    }

    [Fact]
    public void An_invalid_case_names_the_json_path_and_exits_2()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ctorules-explain-").FullName, "bad.yaml");
        File.WriteAllText(path, "schema: ctorules/case@1\nid: bad\nlesion: { lengthMm: 400 }\nprocedure: { stage: planning }\n");
        var r = Cli.Run("explain", path, "--rule", "imaging.dual-injection");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("lesion.lengthMm: 400 is above the maximum 300");
    }
}
