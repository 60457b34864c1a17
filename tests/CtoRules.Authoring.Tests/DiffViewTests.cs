using System.Text.Json;
using CtoRules.Authoring.Rendering;

namespace CtoRules.Authoring.Tests;

public class DiffViewTests
{
    private const string Ivl = "rules/lesion-preparation/ivl.md";

    [Fact]
    public void Behavioural_diff_names_exactly_the_cases_whose_advice_changed()
    {
        var kb = new TestKb();
        kb.Publish100();
        // IVL only for severe calcium: c3 (severe) keeps it, c4 (moderate) loses it.
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: ivus.calciumDistribution == eccentric and lesion.calcification == severe");
        var diff = kb.DiffAgainst100();

        // c4 loses the advice; c3 keeps it, and its reason now names the calcium too. No other case changes.
        diff.Behaviour.CasesRun.Should().Be(4);
        diff.Behaviour.Cases.Select(c => Path.GetFileName(c.File)).Should().Equal("c3-prep-extraplaque-eccentric.yaml", "c4-prep-intraplaque-eccentric.yaml");
        var c3 = diff.Behaviour.Cases[0];
        c3.AdviceChanged.Should().ContainSingle().Which.Should().Match<Diffing.AdviceChange>(a => a.RuleId == "prep.eccentric.ivl" && a.Fields.SequenceEqual(new[] { "because" }));
        c3.AdviceAdded.Should().BeEmpty();
        c3.AdviceRemoved.Should().BeEmpty();
        var c4 = diff.Behaviour.Cases[1];
        c4.File.Should().Be(Path.Combine(kb.Corpus, "c4-prep-intraplaque-eccentric.yaml").Replace('\\', '/'));
        c4.AdviceRemoved.Should().ContainSingle().Which.ToString().Should().Be("consider IVL (prep.eccentric.ivl)");
        c4.AdviceAdded.Should().BeEmpty();
        c4.Scores.Should().BeEmpty();
    }

    [Fact]
    public void Wording_changes_show_as_changed_items_in_every_case_that_gets_the_advice()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit(Ivl, "text: Consider intravascular lithotripsy.", "text: Consider IVL.");
        var diff = kb.DiffAgainst100();
        diff.Behaviour.Cases.Select(c => Path.GetFileName(c.File)).Should().Equal("c3-prep-extraplaque-eccentric.yaml", "c4-prep-intraplaque-eccentric.yaml");
        diff.Behaviour.Cases.Should().OnlyContain(c => c.AdviceChanged.Single().Fields.SequenceEqual(new[] { "text" }));
    }

    [Fact]
    public void Semantic_diff_lists_each_changed_field_with_before_and_after()
    {
        var kb = new TestKb();
        kb.Publish100();
        var text = kb.Read(Ivl)
            .Replace("version: 1", "version: 2").Replace("step: 2", "step: 3").Replace("kind: consider", "kind: recommend")
            .Replace("actions: [IVL]", "actions: [IVL, NC-BALLOON]").Replace("text: Consider intravascular lithotripsy.", "text: Use IVL.")
            .Replace("references: [eurocto-2023]", "references: [eurocto-2023, morino-2011]");
        kb.Write(Ivl, text);
        var change = kb.DiffAgainst100().Semantic.RulesChanged.Should().ContainSingle().Subject;
        change.Id.Should().Be("prep.eccentric.ivl");
        (change.VersionBefore, change.VersionAfter).Should().Be((1, 2));
        change.Fields.Select(f => (f.Field, f.Before, f.After)).Should().Equal(
            ("version", "1", "2"),
            ("kind", "consider", "recommend"),
            ("step", "2", "3"),
            ("actions", "[IVL]", "[IVL, NC-BALLOON]"),
            ("text", "Consider intravascular lithotripsy.", "Use IVL."),
            ("references", "[eurocto-2023]", "[eurocto-2023, morino-2011]"));
    }

    [Fact]
    public void Rewrapping_a_condition_is_no_change_in_meaning()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: >-\n  ivus.calciumDistribution\n  == eccentric");
        var diff = kb.DiffAgainst100();
        diff.Semantic.RulesChanged.Should().BeEmpty();
        diff.Text.Should().ContainSingle("the file's text did change");
    }

    [Fact]
    public void Text_diff_is_a_unified_diff_of_each_changed_rule_file()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: ivus.calciumDistribution == eccentric and lesion.lengthMm >= 10");
        kb.Delete("rules/crossing/knuckle.md");
        var diff = kb.DiffAgainst100();
        diff.Text.Select(t => (t.PathBefore, t.PathAfter)).Should().Equal(
            ("rules/crossing/knuckle.md", "/dev/null"),
            ("rules/lesion-preparation/ivl.md", "rules/lesion-preparation/ivl.md"));
        var unified = diff.Text[1].Unified;
        unified.Should().StartWith("--- a/rules/lesion-preparation/ivl.md\n+++ b/rules/lesion-preparation/ivl.md\n@@ ");
        unified.Should().Contain("\n-when: ivus.calciumDistribution == eccentric\n+when: ivus.calciumDistribution == eccentric and lesion.lengthMm >= 10\n");
        diff.Text[0].Unified.Should().Contain("-id: crossing.knuckle");
    }

    [Fact]
    public void Renderers_show_all_three_views_and_the_bump()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: ivus.calciumDistribution == eccentric and lesion.calcification == severe");
        var diff = kb.DiffAgainst100();

        var text = new StringWriter();
        DiffTextRenderer.Render(diff, text);
        text.ToString().Should().Contain("SUGGESTED BUMP: major (publish as 2.0.0 or higher)")
            .And.Contain("SEMANTIC").And.Contain("TEXT").And.Contain("BEHAVIOUR on tests/corpus: 4 cases run, 2 differ")
            .And.Contain("    - consider IVL (prep.eccentric.ivl)");

        var markdown = new StringWriter();
        DiffMarkdownRenderer.Render(diff, markdown);
        markdown.ToString().Should().StartWith("# test-kb: changes from 1.0.0 to 1.0.0-draft")
            .And.Contain("**Suggested version bump: major** (publish as 2.0.0 or higher).")
            .And.Contain("| condition | ivus.calciumDistribution == eccentric | ivus.calciumDistribution == eccentric and lesion.calcification == severe |")
            .And.Contain("  - removed: consider IVL (prep.eccentric.ivl)")
            .And.Contain("```diff");

        using var json = JsonDocument.Parse(DiffJson.Serialize(diff));
        json.RootElement.GetProperty("suggestion").GetProperty("bump").GetString().Should().Be("major");
        json.RootElement.GetProperty("semantic").GetProperty("rulesChanged")[0].GetProperty("id").GetString().Should().Be("prep.eccentric.ivl");
        json.RootElement.GetProperty("text").GetArrayLength().Should().Be(1);
        json.RootElement.GetProperty("behaviour").GetProperty("cases").GetArrayLength().Should().Be(2);
    }
}
