using CtoRules.Authoring.Versioning;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests;

public class PublishedRuleCheckTests
{
    private static RuleSet Working(TestKb kb) => RuleSetReader.LoadDirectory(kb.Rules).RuleSet!;

    [Fact]
    public void An_unchanged_rule_set_has_no_diagnostic()
    {
        var kb = new TestKb();
        kb.Publish100();
        PublishedRuleCheck.CheckAgainstLatest(Working(kb), kb.Packs).Should().BeEmpty();
    }

    [Fact]
    public void No_pack_no_check()
    {
        var kb = new TestKb();
        kb.Edit("rules/lesion-preparation/ivl.md", "Eccentric calcium.", "Changed.");
        PublishedRuleCheck.CheckAgainstLatest(Working(kb), kb.Packs).Should().BeEmpty();
    }

    [Fact]
    public void A_rationale_change_without_a_new_version_is_CTO1021_at_the_version_line()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit("rules/crossing/knuckle.md", "Chained rule.", "Chained rule, explained better.");
        var d = PublishedRuleCheck.CheckAgainstLatest(Working(kb), kb.Packs).Should().ContainSingle().Subject;
        d.Code.Should().Be("CTO1021");
        (d.Location.Line, d.Location.Column).Should().Be((3, 10));
    }

    [Fact]
    public void Line_endings_and_trailing_blanks_are_not_changes()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Write("rules/crossing/knuckle.md", kb.Read("rules/crossing/knuckle.md").Replace("\n", "  \r\n") + "\r\n");
        PublishedRuleCheck.CheckAgainstLatest(Working(kb), kb.Packs).Should().BeEmpty();
    }

    [Fact]
    public void A_raised_version_clears_it()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit("rules/crossing/knuckle.md", "Chained rule.", "Chained rule, explained better.");
        kb.Edit("rules/crossing/knuckle.md", "version: 1", "version: 2");
        PublishedRuleCheck.CheckAgainstLatest(Working(kb), kb.Packs).Should().BeEmpty();
    }
}
