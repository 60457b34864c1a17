using CtoRules.Authoring.Versioning;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Authoring.Tests;

public class PublishTests
{
    [Fact]
    public void Publishes_a_verifiable_signed_pack_with_the_manifest_the_issue_asks_for()
    {
        var kb = new TestKb();
        using var key = PackKeys.Create();
        var result = kb.Publish(key: key);
        result.Refusals.Should().BeEmpty();
        result.PackPath.Should().Be(kb.PackPath());

        var pack = RulePack.Load(kb.PackPath(), PackTrust.SignedBy(PackPublicKey.FromPem(PackKeys.ExportPublicPem(key))));
        pack.Digest.Should().Be(result.Digest).And.MatchRegex("^sha256:[0-9a-f]{64}$");
        pack.SignatureVerifiedBy.Should().Be(PackKeys.KeyId(key));
        var m = pack.Manifest;
        (m.Id, m.Version, m.EngineFormatVersion, m.RuleCount, m.Created).Should().Be(("test-kb", "1.0.0", 1, 5, TestKb.Now));
        m.Changelog!.Changes.Should().Equal("First release");
        pack.Content.Rules.Select(r => r.Id).Should().BeEquivalentTo("crossing.knuckle", "derived.heavy", "prep.avoid-high-pressure", "prep.eccentric.ivl", "score.t.calcium");
        pack.Content.Scores.Should().ContainSingle(s => s.Name == "T");
        pack.Content.References.Keys.Should().Equal("eurocto-2023", "morino-2011");
        Directory.GetFiles(kb.Packs).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Refuses_an_existing_version_and_never_overwrites()
    {
        var kb = new TestKb();
        kb.Publish100();
        var before = File.ReadAllBytes(kb.PackPath());
        var again = kb.Publish();
        again.Published.Should().BeFalse();
        again.Refusals.Should().ContainSingle(r => r.StartsWith("a pack of test-kb 1.0.0 already exists", StringComparison.Ordinal));
        File.ReadAllBytes(kb.PackPath()).Should().Equal(before);
    }

    [Fact]
    public void Refuses_any_diagnostic_even_a_warning()
    {
        var kb = new TestKb();
        kb.Write("references/bibliography.yaml", kb.Read("references/bibliography.yaml") + "\n- key: uncited-2020\n  type: article-journal\n  authors: [A B]\n  title: Not cited\n  journal: J\n  year: 2020\n");
        var result = kb.Publish();
        result.Published.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Code == "CTO1023");
        result.Refusals.Should().Contain("the rule set has 0 error(s) and 1 warning(s); a pack is published without any diagnostic");
        Directory.Exists(kb.Packs).Should().BeFalse();
    }

    [Fact]
    public void Refuses_a_failing_corpus()
    {
        var kb = new TestKb();
        kb.Edit("rules/lesion-preparation/ivl.md", "kind: consider", "kind: caution");
        var result = kb.Publish();
        result.Refusals.Should().ContainSingle(r => r.StartsWith("the corpus does not pass: 2 failed, 0 error(s) of 4 cases", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_version_other_than_the_manifests_or_without_a_changelog_entry()
    {
        var kb = new TestKb();
        kb.Publish(version: "1.1.0").Refusals.Should().Contain(
            "rules/ruleset.yaml says version 1.0.0; set it to 1.1.0 and add a changelog entry for 1.1.0 before publishing 1.1.0");
        kb.Edit("rules/ruleset.yaml", "\nversion: 1.0.0\n", "\nversion: 1.0.1\n");
        kb.Publish().Refusals.Should().Contain("rules/ruleset.yaml has no changelog entry for 1.0.1; add one (newest first) saying what changed");
    }

    [Fact]
    public void Refuses_a_changed_rule_that_keeps_its_version_CTO1021()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Edit("rules/lesion-preparation/ivl.md", "text: Consider intravascular lithotripsy.", "text: Consider IVL.");
        kb.SetVersion("1.0.1");
        var result = kb.Publish();
        result.Published.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            $"{Path.Combine(kb.Rules, "lesion-preparation", "ivl.md")}(3,10): error CTO1021: rule 'prep.eccentric.ivl' differs from the published test-kb 1.0.0 (version 1) but keeps version 1; raise its version");

        kb.Edit("rules/lesion-preparation/ivl.md", "version: 1", "version: 2");
        var ok = kb.Publish();
        ok.Refusals.Should().BeEmpty();
        ok.Diff!.Suggestion.Bump.Should().Be(VersionBump.Patch);
    }

    [Fact]
    public void Refuses_a_version_below_the_suggested_bump_unless_forced_with_a_reason_which_is_recorded()
    {
        var kb = new TestKb();
        kb.Publish100();
        kb.Delete("rules/crossing/knuckle.md");
        kb.Edit("tests/corpus/c1-planning-heavy-long.yaml", "  advice: [{ kind: consider, action: KNUCKLE }]\n", "");
        kb.SetVersion("1.1.0");

        var refused = kb.Publish();
        refused.Refusals.Should().ContainSingle().Which.Should().StartWith(
            "1.1.0 is below the suggested major bump from 1.0.0 (publish as 2.0.0 or higher): advice removed: consider KNUCKLE (crossing.knuckle) in case ")
            .And.EndWith("/c1-planning-heavy-long.yaml; rule crossing.knuckle removed; or give --force with a reason");

        var forced = kb.Publish(force: "Knuckle advice moved to the crossing algorithm paper; committee decision 2026-11-26");
        forced.Refusals.Should().BeEmpty();
        var pack = RulePack.Load(kb.PackPath("1.1.0"), PackTrust.DigestOnly);
        pack.Manifest.Forced.Should().Be(new PackForcedPublish("Knuckle advice moved to the crossing algorithm paper; committee decision 2026-11-26", "major", "2.0.0"));
    }

    [Fact]
    public void Refuses_a_version_below_the_latest()
    {
        var kb = new TestKb();
        kb.SetVersion("2.0.0");
        kb.Publish().Refusals.Should().BeEmpty();
        kb.Edit("rules/ruleset.yaml", "\nversion: 2.0.0\n", "\nversion: 1.0.0\n");
        kb.Publish().Refusals.Should().Contain("1.0.0 is below the latest published version 2.0.0");
    }
}
