using CtoRules.Authoring.Versioning;

namespace CtoRules.Authoring.Tests;

/// <summary>The suggested bump for each kind of change (docs/packs.md, "Suggested bump").</summary>
public class BumpSuggestionTests
{
    private const string Ivl = "rules/lesion-preparation/ivl.md";

    private static TestKb Published()
    {
        var kb = new TestKb();
        kb.Publish100();
        return kb;
    }

    [Fact]
    public void No_change_needs_no_bump()
    {
        var diff = Published().DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.None);
        diff.Suggestion.Reasons.Should().BeEmpty();
        diff.Text.Should().BeEmpty();
        diff.Behaviour.Cases.Should().BeEmpty();
        diff.Behaviour.CasesRun.Should().Be(4);
    }

    [Fact]
    public void Wording_of_the_advice_is_a_patch()
    {
        var kb = Published();
        kb.Edit(Ivl, "text: Consider intravascular lithotripsy.", "text: Consider intravascular lithotripsy (IVL).");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Patch);
        diff.Suggestion.MinimumVersion.Should().Be("1.0.1");
        diff.Suggestion.Reasons.Should().Contain(r => r.Reason == "rule prep.eccentric.ivl: text changed");
    }

    [Fact]
    public void Rationale_title_and_references_only_are_a_patch()
    {
        var kb = Published();
        kb.Edit(Ivl, "Eccentric calcium.", "Eccentric calcium, reworded.");
        kb.Edit(Ivl, "title: IVL for eccentric calcium", "title: Lithotripsy for eccentric calcium");
        kb.Edit(Ivl, "references: [eurocto-2023]", "references: [eurocto-2023, morino-2011]");
        kb.DiffAgainst100().Suggestion.Bump.Should().Be(VersionBump.Patch);
    }

    [Fact]
    public void A_changed_bibliography_entry_is_a_patch()
    {
        var kb = Published();
        kb.Edit("references/bibliography.yaml", "title: The J-CTO score", "title: The J-CTO score (corrected title)");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Patch);
        diff.Semantic.References.Should().ContainSingle(e => e.Key == "morino-2011" && e.Change == "changed");
    }

    [Fact]
    public void A_new_rule_is_minor()
    {
        var kb = Published();
        kb.Write("rules/lesion-preparation/nc.md", "---\nid: prep.nc-balloon\nversion: 1\ntitle: NC balloon\nstage: lesion-preparation\nstep: 3\nkind: consider\nactions: [NC-BALLOON]\nwhen: lesion.lengthMm >= 50\ntext: Consider an NC balloon.\nreferences: [eurocto-2023]\n---\nNo corpus case is this long.\n");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Minor);
        diff.Suggestion.MinimumVersion.Should().Be("1.1.0");
        diff.Semantic.RulesAdded.Should().ContainSingle(r => r.Id == "prep.nc-balloon");
        diff.Behaviour.Cases.Should().BeEmpty("no corpus case has a lesion of 50 mm");
    }

    [Fact]
    public void A_changed_condition_is_minor()
    {
        var kb = Published();
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: ivus.calciumDistribution == eccentric and lesion.lengthMm >= 10");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Minor);
        diff.Suggestion.Reasons.Should().Contain(r => r.Bump == VersionBump.Minor && r.Reason == "rule prep.eccentric.ivl: condition changed");
    }

    [Fact]
    public void Advice_added_for_a_case_is_minor()
    {
        var kb = Published();
        kb.Edit("rules/lesion-preparation/avoid-hp.md", "when: procedure.tracking == extraplaque", "when: procedure.tracking in [extraplaque, intraplaque]");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Minor);
        diff.Suggestion.Reasons.Should().Contain(r => r.Bump == VersionBump.Minor
            && r.Reason.StartsWith("advice added: avoid HIGH-PRESSURE-DILATATION (prep.avoid-high-pressure) in case ", StringComparison.Ordinal)
            && r.Reason.EndsWith("/c4-prep-intraplaque-eccentric.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_kind_is_major()
    {
        var kb = Published();
        kb.Edit(Ivl, "kind: consider", "kind: recommend");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Major);
        diff.Suggestion.MinimumVersion.Should().Be("2.0.0");
        diff.Suggestion.Reasons.Should().Contain(r => r.Bump == VersionBump.Major && r.Reason == "rule prep.eccentric.ivl: kind changed");
    }

    [Fact]
    public void A_removed_rule_is_major()
    {
        var kb = Published();
        kb.Delete("rules/crossing/knuckle.md");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Major);
        diff.Semantic.RulesRemoved.Should().ContainSingle(r => r.Id == "crossing.knuckle");
        diff.Suggestion.Reasons.Should().Contain(r => r.Reason == "rule crossing.knuckle removed");
    }

    [Fact]
    public void Advice_removed_for_a_case_is_major_even_when_only_a_condition_changed()
    {
        var kb = Published();
        kb.Edit(Ivl, "when: ivus.calciumDistribution == eccentric", "when: ivus.calciumDistribution == eccentric and lesion.calcification == severe");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Major);
        diff.Suggestion.Reasons.Should().Contain(r => r.Bump == VersionBump.Major
            && r.Reason.StartsWith("advice removed: consider IVL (prep.eccentric.ivl) in case ", StringComparison.Ordinal)
            && r.Reason.EndsWith("/c4-prep-intraplaque-eccentric.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Changed_score_points_are_minor()
    {
        var kb = Published();
        // The items must still sum to the score's maximum (CTO1028), so the maximum moves with them.
        kb.Edit("rules/scores/T/calcium.md", "points: 1", "points: 2");
        kb.Edit("rules/scores/T.yaml", "maxPoints: 1", "maxPoints: 2");
        var diff = kb.DiffAgainst100();
        diff.Suggestion.Bump.Should().Be(VersionBump.Minor);
        diff.Behaviour.Cases.Select(c => Path.GetFileName(c.File)).Should().Equal("c1-planning-heavy-long.yaml", "c3-prep-extraplaque-eccentric.yaml");
        diff.Behaviour.Cases[0].Scores.Should().ContainSingle(s => s.Score == "T" && s.PointsBefore == 1 && s.PointsAfter == 2);
    }
}
