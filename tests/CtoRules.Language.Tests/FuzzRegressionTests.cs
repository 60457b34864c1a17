using System.Text;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using static CtoRules.Language.Tests.RuleSets;

namespace CtoRules.Language.Tests;

/// <summary>
/// Rule files the fuzzer (tools/fuzz rule-file) found mishandled, and issue 15's hostile rule
/// files: each is one located diagnostic with a stable code, never an exception or a crash.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string X = "rules/lesion-preparation/x.md";
    private static readonly (string, string) Ok = ("rules/planning/ok.md", AdviceRule(id: "ok.rule"));

    /// <summary>Reads on a 1 MiB stack, less than a host's thread-pool thread has: nesting must be bounded by the reader.</summary>
    private static RuleSetLoad LoadOnSmallStack(params (string Path, string Text)[] files)
    {
        RuleSetLoad? load = null;
        var thread = new Thread(() => load = Load(files), 1024 * 1024);
        thread.Start();
        thread.Join();
        return load!;
    }

    private static string Only(RuleSetLoad load) => load.Diagnostics.Should().ContainSingle().Subject.ToString();

    [Fact]
    public void Deeply_nested_yaml_in_the_front_matter_is_CTO1003_not_a_stack_overflow()
    {
        // The fuzzer's find: 5,000 nested {"a": in a field overflowed YamlDotNet's recursive reader and killed the process.
        var rule = AdviceRule().Replace("title: A rule", "title: " + string.Concat(Enumerable.Repeat("{\"a\":", 5000)), StringComparison.Ordinal);
        Only(LoadOnSmallStack((X, rule), Ok)).Should().Be($"{X}(4,323): error CTO1003: YAML syntax error: the YAML is nested deeper than 64 levels");
    }

    [Fact]
    public void Deeply_nested_yaml_in_a_score_definition_or_the_bibliography_is_CTO1003()
    {
        Only(LoadOnSmallStack(Ok, ("rules/scores/J-CTO.yaml", "score: J-CTO\ntitle: " + new string('[', 3000))))
            .Should().Be("rules/scores/J-CTO.yaml(2,71): error CTO1003: YAML syntax error: the YAML is nested deeper than 64 levels");
        var load = RuleSetReader.Load([new SourceFile(RuleSetReader.ManifestPath, Manifest), new SourceFile(RuleSetReader.BibliographyPath, "- " + string.Concat(Enumerable.Repeat("- ", 3000)))]);
        load.Diagnostics.Should().Contain(d => d.ToString() == "references/bibliography.yaml(1,129): error CTO1003: YAML syntax error: the YAML is nested deeper than 64 levels");
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    [InlineData("*a ")]
    public void Markdown_nested_past_markdigs_limit_is_CTO1029_not_an_exception(string piece)
    {
        // The fuzzer's find: Markdig throws ArgumentException ("too deeply nested") on such a rationale.
        var rule = AdviceRule() + string.Concat(Enumerable.Repeat(piece, 20_000));
        Only(Load((X, rule), Ok)).Should().Be($"{X}(1,1): error CTO1029: the Markdown is nested too deeply to read: Markdig stops at its depth limit; flatten its quotes, lists or emphasis");
    }

    [Fact]
    public void A_yaml_tag_that_is_not_a_uri_is_CTO1003()
    {
        // YamlDotNet's ArgumentException escaped the reader (found by fuzzing).
        Only(Load((X, AdviceRule().Replace("stage: lesion-preparation", "stage: !!int[[ 3", StringComparison.Ordinal)), Ok))
            .Should().Be($"{X}(2,1): error CTO1003: YAML syntax error: Global tags must be valid URIs.");
    }

    [Fact]
    public void A_rule_file_over_one_mebibyte_is_CTO1001_without_being_read()
    {
        var root = Directory.CreateTempSubdirectory("ctorules-huge-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "rules", "planning"));
            Directory.CreateDirectory(Path.Combine(root, "references"));
            File.WriteAllText(Path.Combine(root, "rules", "ruleset.yaml"), Manifest);
            File.WriteAllText(Path.Combine(root, "references", "bibliography.yaml"), Bibliography);
            File.WriteAllText(Path.Combine(root, "rules", "planning", "huge.md"), AdviceRule() + new string('x', RuleSetReader.MaxSourceBytes));
            var d = RuleSetReader.LoadDirectory(Path.Combine(root, "rules")).Diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject;
            d.Code.Should().Be("CTO1001");
            d.Message.Should().Be("cannot read the file: it is larger than the limit of 1048576 bytes");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Descriptor_CTO1029_is_an_error_listed_with_the_others() =>
        DiagnosticDescriptors.All.Should().Contain(DiagnosticDescriptors.MarkdownTooDeep).And.Subject
            .Single(d => d.Code == "CTO1029").Severity.Should().Be(DiagnosticSeverity.Error);
}
