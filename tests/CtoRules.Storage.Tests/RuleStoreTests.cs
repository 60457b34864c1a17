using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using CtoRules.Storage.Rules;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage.Tests;

/// <summary>Saving, conflicts, version raise, retire and restore on a real working copy and SQLite database.</summary>
public class RuleStoreTests
{
    private const string RuleId = "crossing.cap.base";

    [Fact]
    public async Task A_save_writes_the_file_records_one_revision_and_reloads_the_working_copy()
    {
        await using var kit = await StoreKit.CreateAsync();
        var opened = kit.Store.Open(RuleId)!;
        var edited = opened.Text.Replace("when: heavyCalcification", "when: lesion.lengthMm > 5 and heavyCalcification");
        edited.Should().NotBe(opened.Text);

        var result = await kit.Store.SaveAsync(opened, edited, "longer lesions only", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        File.ReadAllText(kit.FileOf(RuleId)).Should().Be(result.SavedText);
        kit.WorkingCopy.Current.RuleSet.Find(RuleId)!.When.Should().StartWith("lesion.lengthMm > 5");
        var revision = (await kit.Db.RuleRevisions.ToListAsync()).Should().ContainSingle().Subject;
        (revision.Author, revision.Comment, revision.Kind, revision.TextBefore, revision.TextAfter)
            .Should().Be(("ann", "longer lesions only", RevisionKind.Edit, opened.Text, result.SavedText!));
    }

    [Fact]
    public async Task A_published_rule_that_changes_gets_a_new_version_and_the_reason()
    {
        await using var kit = await StoreKit.CreateAsync();
        Directory.EnumerateFiles(kit.Settings.PacksDirectory, "*.ctopack.json").Should().NotBeEmpty("the repository ships a published pack");
        var opened = kit.Store.Open(RuleId)!;
        var version = kit.WorkingCopy.Current.RuleSet.Find(RuleId)!.Version;

        var result = await kit.Store.SaveAsync(opened, opened.Text.Replace("hence a later step.", "hence a later step (edited)."), "wording", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        result.VersionRaised.Should().Contain("CTO1021");
        kit.WorkingCopy.Current.RuleSet.Find(RuleId)!.Version.Should().Be(version + 1);
    }

    [Fact]
    public async Task A_save_after_another_save_is_refused_with_the_difference_and_nothing_is_overwritten()
    {
        await using var kit = await StoreKit.CreateAsync();
        var mine = kit.Store.Open(RuleId)!;
        var theirs = kit.Store.Open(RuleId)!;
        (await kit.Store.SaveAsync(theirs, theirs.Text.Replace("title: \"", "title: \"Theirs: "), "theirs", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        var onDisk = File.ReadAllText(kit.FileOf(RuleId));

        var result = await kit.Store.SaveAsync(mine, mine.Text.Replace("title: \"", "title: \"Mine: "), "mine", StoreKit.Author);

        result.Outcome.Should().Be(SaveOutcome.Conflict);
        result.CurrentText.Should().Be(onDisk);
        result.Difference.Should().Contain(r => r.OldText!.Contains("Theirs: ") && r.NewText!.Contains("Mine: "));
        File.ReadAllText(kit.FileOf(RuleId)).Should().Be(onDisk);
        (await kit.Db.RuleRevisions.CountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("", Roles.Author, "comment is required")]
    [InlineData("why", Roles.Auditor, "Only an author")]
    [InlineData("why", Roles.Admin, "Only an author")]
    public async Task A_save_without_a_comment_or_by_a_non_author_is_refused(string comment, string role, string message)
    {
        await using var kit = await StoreKit.CreateAsync();
        var opened = kit.Store.Open(RuleId)!;
        var result = await kit.Store.SaveAsync(opened, opened.Text.Replace("BASE", "BASE!"), comment, StoreKit.User("x", role));
        result.Outcome.Should().Be(SaveOutcome.Refused);
        result.Message.Should().Contain(message);
        File.ReadAllText(kit.FileOf(RuleId)).Should().Be(opened.Text);
    }

    [Fact]
    public async Task A_text_with_errors_is_not_saved()
    {
        await using var kit = await StoreKit.CreateAsync();
        var opened = kit.Store.Open(RuleId)!;
        var result = await kit.Store.SaveAsync(opened, opened.Text.Replace("when: heavyCalcification", "when: lesion.bogus and heavyCalcification"), "oops", StoreKit.Author);
        result.Outcome.Should().Be(SaveOutcome.Invalid);
        result.Diagnostics.Should().Contain(d => d.Diagnostic.Code == "CTO3001");
        File.ReadAllText(kit.FileOf(RuleId)).Should().Be(opened.Text);
    }

    [Fact]
    public async Task A_retired_rule_leaves_the_rule_set_stays_in_history_and_can_be_restored()
    {
        await using var kit = await StoreKit.CreateAsync();
        var text = File.ReadAllText(kit.FileOf(RuleId));
        var path = kit.FileOf(RuleId);

        (await kit.Store.RetireAsync(RuleId, "superseded", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        kit.WorkingCopy.Current.RuleSet.Find(RuleId).Should().BeNull();
        File.Exists(path).Should().BeFalse();
        (await new RevisionLog(kit.Db).RetiredAsync()).Should().ContainSingle(r => r.RuleId == RuleId && r.TextBefore == text);

        (await kit.Store.RestoreAsync(RuleId, "needed after all", StoreKit.Author)).Outcome.Should().Be(SaveOutcome.Saved);
        File.ReadAllText(path).Should().Be(text);
        kit.WorkingCopy.Current.RuleSet.Find(RuleId).Should().NotBeNull();
        (await new RevisionLog(kit.Db).ForRuleAsync(RuleId)).Select(r => r.Kind).Should().Equal(RevisionKind.Restore, RevisionKind.Retire);
    }

    [Fact]
    public async Task A_new_rule_from_a_stage_template_loads_without_errors()
    {
        await using var kit = await StoreKit.CreateAsync();
        var result = await kit.Store.CreateAsync("crossing", "crossing.test.new-rule", "A new rule", "start", StoreKit.Author);
        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message + string.Join("; ", result.Diagnostics.Select(d => d.Diagnostic)));
        kit.WorkingCopy.Current.RuleSet.Find("crossing.test.new-rule")!.Stage.Should().Be("crossing");
    }
}
