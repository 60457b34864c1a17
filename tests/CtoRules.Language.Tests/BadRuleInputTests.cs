using System.Diagnostics;
using System.Text;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using static CtoRules.Language.Tests.RuleSets;

namespace CtoRules.Language.Tests;

/// <summary>Rows of docs/bad-inputs.md for rule files (issue 8): the exact diagnostic each bad input gets.</summary>
public sealed class BadRuleInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ctorules-badrules-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Rules => Path.Combine(_root, "rules");

    private void MinimalKb()
    {
        Directory.CreateDirectory(Path.Combine(Rules, "lesion-preparation"));
        Directory.CreateDirectory(Path.Combine(_root, "references"));
        File.WriteAllText(Path.Combine(Rules, "ruleset.yaml"), Manifest);
        File.WriteAllText(Path.Combine(_root, "references", "bibliography.yaml"), Bibliography);
    }

    private static string Only(RuleSetLoad load) =>
        load.Diagnostics.Should().ContainSingle().Subject.ToString().Replace(Path.GetTempPath(), "TMP/");

    [Fact]
    public void Invalid_utf8_in_a_rule_file_is_CTO1026_at_its_line_and_column_not_a_replacement_character()
    {
        MinimalKb();
        var bytes = Encoding.UTF8.GetBytes(AdviceRule().Replace("Do it.", "Do it\u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFE;
        var file = Path.Combine(Rules, "lesion-preparation", "x.md");
        File.WriteAllBytes(file, bytes);
        var d = RuleSetReader.LoadDirectory(Rules).Diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO1026");
        (d.Location.Line, d.Location.Column).Should().Be((9, 12));
        d.Message.Should().Be("invalid UTF-8 at line 9, column 12 (byte 0xFE at offset 125); the text must be UTF-8");
    }

    [Fact]
    public void A_rule_file_that_links_to_dev_zero_is_CTO1001_not_an_out_of_memory()
    {
        MinimalKb();
        File.CreateSymbolicLink(Path.Combine(Rules, "lesion-preparation", "zero.md"), "/dev/zero");
        var d = RuleSetReader.LoadDirectory(Rules).Diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO1001");
        d.Message.Should().Be("cannot read the file: it is not a regular file (it is a character device)");
    }

    [Fact]
    public void A_rule_file_that_is_a_fifo_is_CTO1001_without_hanging()
    {
        MinimalKb();
        using (var mk = Process.Start("mkfifo", Path.Combine(Rules, "lesion-preparation", "pipe.md"))) mk.WaitForExit();
        var d = RuleSetReader.LoadDirectory(Rules).Diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject;
        d.Message.Should().Be("cannot read the file: it is not a regular file (it is a FIFO)");
    }

    [Theory]
    [InlineData("100", "points must be a positive number no larger than the maximum 5 of score 'J-CTO', got 100")]
    [InlineData("-7", "points must be a positive number no larger than the maximum 5 of score 'J-CTO', got -7")]
    [InlineData("1e308", "points must be a positive number no larger than the maximum 5 of score 'J-CTO', got 1E+308")]
    [InlineData("0", "points must be a positive number no larger than the maximum 5 of score 'J-CTO', got 0")]
    public void Score_item_points_must_be_positive_and_within_the_maximum(string points, string message)
    {
        var d = Load(("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", points)))
            .Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO1027");
        d.ToString().Should().Be("rules/scores/J-CTO/a.md(7,9): error CTO1027: " + message);
    }

    [Fact]
    public void Score_items_that_cannot_reach_the_maximum_are_CTO1028()
    {
        Load(("rules/scores/J-CTO.yaml", JctoScore), ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", "2")))
            .Diagnostics.Should().ContainSingle().Subject.ToString()
            .Should().Be("rules/scores/J-CTO.yaml(3,12): error CTO1028: the items of score 'J-CTO' add up to 2, below its maxPoints 5: the maximum cannot be reached");
    }

    [Fact]
    public void Score_items_over_the_maximum_are_accepted_as_exclusive_grades()
    {
        var load = Load(("rules/scores/J-CTO.yaml", JctoScore.Replace("maxPoints: 5", "maxPoints: 2", StringComparison.Ordinal)),
            ("rules/scores/J-CTO/a.md", ScoreItem("s.a", "a", "2")), ("rules/scores/J-CTO/b.md", ScoreItem("s.b", "b", "1")));
        load.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_broken_derived_fact_file_reports_its_own_error_without_unknown_path_echoes()
    {
        var broken = DerivedRule("d.heavy", "heavy", "lesion.calcification == severe").Replace("version: 1\n", "version: [1\n", StringComparison.Ordinal);
        var load = Load(
            ("rules/derived/d.heavy.md", broken),
            ("rules/lesion-preparation/a.md", AdviceRule("prep.a", "heavy")),
            ("rules/lesion-preparation/b.md", AdviceRule("prep.b", "heavy and lesion.inStent")));
        load.Diagnostics.Should().OnlyContain(d => d.Location.File == "rules/derived/d.heavy.md");
        load.Diagnostics.Should().NotContain(d => d.Code == "CTO3001");
    }
}
