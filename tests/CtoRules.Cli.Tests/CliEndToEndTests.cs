using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtoRules.Cli.Tests;

public class CliEndToEndTests
{
    private const string ValidCase = "schema: ctorules/case@1\nid: e2e-valid\nlesion: { calcification: severe, lengthMm: 25, stump: blunt, bendOver45: false, previousFailedAttempt: false }\nprocedure: { stage: planning }\n";

    private static string Temp(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ctorules-case-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Validate_accepts_the_shipped_knowledge_base()
    {
        var r = Cli.Run("validate");
        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Out.Should().MatchRegex(@"eurocto-calcified-cto \d+\.\d+\.\d+: \d+ rules .* 0 error\(s\)");
    }

    [Fact]
    public void Validate_prints_file_line_column_and_code_and_exits_1()
    {
        var kb = Cli.CopyKnowledgeBase();
        Directory.CreateDirectory(Path.Combine(kb, "rules", "crossing"));
        File.WriteAllText(Path.Combine(kb, "rules", "crossing", "zz-broken.md"), """
            ---
            id: crossing.zz-broken
            version: 1
            title: Broken on purpose
            stage: crossing
            kind: consider
            actions: [KNUCKEL]
            when: lesion.calcification == severe and ivus.calciumDistrib == eccentric
            text: x
            references: [eurocto-2023]
            ---
            Broken.
            """);
        var r = Cli.RunIn(kb, "validate", "rules");
        r.ExitCode.Should().Be(1);
        r.Out.Should().Contain("rules/crossing/zz-broken.md(7,11): error CTO1010: unknown action code 'KNUCKEL'; did you mean 'KNUCKLE'?");
        r.Out.Should().Contain("rules/crossing/zz-broken.md(8,42): error CTO3001: unknown path 'ivus.calciumDistrib'; did you mean 'ivus.calciumDistribution'?");
        r.Out.Should().Contain("2 error(s)");
    }

    [Fact]
    public void Evaluate_an_invalid_case_names_the_json_path_exits_2_and_still_evaluates_the_others()
    {
        var bad = Temp("bad.yaml", "schema: ctorules/case@1\nid: bad\nlesion: { lengthMm: 400, calcification: heavy }\nprocedure: { stage: planning }\n");
        var good = Temp("good.yaml", ValidCase);
        var r = Cli.Run("evaluate", bad, good, "--format", "jsonl");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain($"{bad}: lesion.lengthMm: 400 is above the maximum 300");
        r.Err.Should().Contain($"{bad}: lesion.calcification: 'heavy' is not one of none, mild, moderate, severe");
        r.Err.Should().NotContain("   at ", "no stack trace is ever shown");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        JsonNode.Parse(lines[0])!["caseId"]!.GetValue<string>().Should().Be("e2e-valid");
    }

    [Fact]
    public void Evaluate_json_is_one_advice_document_with_scores_and_reasons()
    {
        // A copy without packs/: a working copy that is no published version.
        var r = Cli.RunIn(Cli.CopyKnowledgeBase(), "evaluate", Temp("c.yaml", ValidCase), "--format", "json");
        r.ExitCode.Should().Be(0, r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        doc["schema"]!.GetValue<string>().Should().Be("ctorules/advice@1");
        doc["ruleSet"]!["digest"].Should().BeNull();
        doc["ruleSet"]!["version"]!.GetValue<string>().Should().EndWith("-draft");
        var jcto = doc["scores"]!.AsArray().Single(s => s!["score"]!.GetValue<string>() == "J-CTO")!;
        jcto["points"]!.GetValue<double>().Should().Be(3);
        jcto["components"]!.AsArray().Select(c => c!["because"]![0]!.GetValue<string>())
            .Should().Contain("lesion.calcification = severe").And.Contain("lesion.lengthMm = 25").And.Contain("lesion.stump = blunt");
    }

    [Fact]
    public void Evaluate_jsonl_keeps_input_order()
    {
        var a = Temp("a.yaml", ValidCase.Replace("e2e-valid", "first"));
        var b = Temp("b.json", """{"schema":"ctorules/case@1","id":"second","procedure":{"stage":"crossing"}}""");
        var r = Cli.Run("evaluate", a, b, "--format", "jsonl");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["caseId"]!.GetValue<string>())
            .Should().Equal("first", "second");
    }

    [Fact]
    public void Evaluate_text_is_a_readable_report()
    {
        var r = Cli.Run("evaluate", Path.Combine("tests", "corpus", "example-planning-post-cabg-full-moon.yaml"));
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("Case example-planning-post-cabg").And.Contain("SCORES").And.Contain("ADVICE").And.Contain("REFERENCES");
        r.Out.Should().MatchRegex(@"J-CTO\s+4 / 5\s+very difficult");
        r.Out.Should().Contain("RECOMMEND DUAL-INJECTION");
    }

    [Fact]
    public void Test_runs_the_contract_examples()
    {
        Directory.Exists(Cli.SharedContract).Should().BeTrue("CI lays shared/ beside the clone");
        var r = Cli.Run("test", Path.Combine(Cli.SharedContract, "examples"));
        r.ExitCode.Should().Be(0, r.Out + r.Err);
        r.Out.Should().Contain("corpus: 3 passed, 0 failed, 0 errors (3 cases).");
    }

    [Fact]
    public void Test_prints_each_failed_expectation_and_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("ctorules-corpus-").FullName;
        File.WriteAllText(Path.Combine(dir, "wrong.yaml"), """
            schema: ctorules/corpus-case@1
            title: Deliberately wrong expectations
            case:
              schema: ctorules/case@1
              id: wrong
              lesion: { calcification: severe, lengthMm: 25, stump: blunt, bendOver45: false, previousFailedAttempt: false }
              procedure: { stage: planning }
            expect:
              advice:
                - { kind: avoid, action: DUAL-INJECTION }
              scores: { J-CTO: 1 }
            """);
        var r = Cli.Run("test", dir);
        r.ExitCode.Should().Be(1);
        r.Out.Should().Contain("FAIL  ").And.Contain("Deliberately wrong expectations");
        r.Out.Should().Contain("advice: expected { kind: avoid, action: DUAL-INJECTION }; got recommend (");
        r.Out.Should().Contain("scores: expected J-CTO = 1; got 3 from [");
        r.Out.Should().Contain("corpus: 0 passed, 1 failed, 0 errors (1 cases).");
    }

    [Fact]
    public void Unknown_options_are_refused_without_a_stack_trace()
    {
        var r = Cli.Run("evaluate", "--format", "xml", "x.yaml");
        r.ExitCode.Should().NotBe(0);
        (r.Out + r.Err).Should().NotContain("   at ");
    }
}
