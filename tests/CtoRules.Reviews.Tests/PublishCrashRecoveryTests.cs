using CtoRules.Packs;
using CtoRules.Packs.Signing;
using CtoRules.Reviews.Model;
using CtoRules.Reviews.Storage;
using CtoRules.Reviews.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Tests;

/// <summary>
/// Issue 15, crash safety of the review page's publish at library level: the states a kill leaves
/// (the journal written, then the manifest stamped, then the pack, then the submission) are made
/// here exactly, and a fresh workflow (a new process's) recovers them. The real kill -9 of the host
/// is BrowserTests/CrashSafetySiteTests.
/// </summary>
public class PublishCrashRecoveryTests
{
    [Fact]
    public async Task Killed_after_the_pack_was_written_the_next_start_marks_the_submission_published()
    {
        using var f = new ReviewFixture();
        var (id, original) = await ApprovedAsync(f);
        var published = await f.Workflow.PublishAsync(id, ReviewFixture.Carol);
        published.Succeeded.Should().BeTrue();
        var packFile = published.Submission!.PackPath!;
        // Back to the moment before the submission was marked: approved, the journal still there.
        await UndoMarkAsync(f, id);
        new PublishJournal(f.Workspace.PacksDirectory).Begin(new PublishJournalEntry(id, "1.0.0", packFile, Manifest(f), original,
            File.ReadAllText(Manifest(f)), "carol", DateTimeOffset.Parse("2026-12-06T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        using var db = ReviewStore.Open("sqlite", $"Data Source={f.DatabasePath}");
        var outcome = await new ReviewWorkflow(db, f.Workspace).RecoverInterruptedPublishAsync();

        outcome.Should().Contain($"the pack {packFile} was written and verifies; the submission is now marked published");
        var s = (await new ReviewWorkflow(db, f.Workspace).GetAsync(id))!;
        s.Status.Should().Be(ReviewStatus.Published);
        s.PackPath.Should().Be(packFile);
        s.Steps.Last().Should().Match<ReviewStep>(x => x.Kind == ReviewStepKind.Published && x.UserName == "carol" && x.Comment.Contains("interrupted publish"));
        File.Exists(Path.Combine(f.Workspace.PacksDirectory, PublishJournal.FileName)).Should().BeFalse();
        RulePack.Load(Path.Combine(f.Workspace.PacksDirectory, packFile), PackTrust.SignedBy(PackPublicKey.FromPem(f.PublicKeyPem!))).Manifest.Version.Should().Be("1.0.0");
        (await new ReviewWorkflow(db, f.Workspace).RecoverInterruptedPublishAsync()).Should().BeNull("the journal is gone");
    }

    [Fact]
    public async Task Killed_before_the_pack_was_renamed_the_next_start_puts_the_manifest_back_and_it_can_be_published_again()
    {
        using var f = new ReviewFixture();
        var (id, original) = await ApprovedAsync(f);
        var stamped = ManifestStamp.Apply(original, "1.0.0", "2026-12-06", ["First release", "Review 1: …"]).Text!;
        var packFile = PackFormat.FileName("test-kb", "1.0.0");
        var journal = new PublishJournal(f.Workspace.PacksDirectory);
        journal.Begin(new PublishJournalEntry(id, "1.0.0", packFile, Manifest(f), original, stamped, "carol", DateTimeOffset.UtcNow));
        File.WriteAllText(Manifest(f), stamped);
        f.Workflow.CurrentDigest().Should().NotBe((await f.Workflow.GetAsync(id))!.Digest, "the stamped manifest alone makes the submission stale");

        using var db = ReviewStore.Open("sqlite", $"Data Source={f.DatabasePath}");
        var outcome = await new ReviewWorkflow(db, f.Workspace).RecoverInterruptedPublishAsync();

        outcome.Should().Contain("no pack was written; the manifest is as before; the submission stays approved and can be published again");
        File.ReadAllText(Manifest(f)).Should().Be(original);
        File.Exists(journal.FilePath).Should().BeFalse();
        var again = await new ReviewWorkflow(db, f.Workspace).PublishAsync(id, ReviewFixture.Carol);
        again.Refusals.Should().BeEmpty();
        again.Submission!.Status.Should().Be(ReviewStatus.Published);
    }

    [Fact]
    public async Task A_pack_cut_short_is_removed_and_the_submission_can_be_published_again()
    {
        using var f = new ReviewFixture();
        var (id, original, pack, stamped) = await PublishedButNotMarkedAsync(f);
        File.WriteAllText(pack, File.ReadAllText(pack)[..2000]);
        new PublishJournal(f.Workspace.PacksDirectory).Begin(new PublishJournalEntry(id, "1.0.0", Path.GetFileName(pack), Manifest(f), original, stamped, "carol", DateTimeOffset.UtcNow));

        using var db = ReviewStore.Open("sqlite", $"Data Source={f.DatabasePath}");
        var outcome = await new ReviewWorkflow(db, f.Workspace).RecoverInterruptedPublishAsync();

        outcome.Should().Contain("the pack did not verify").And.Contain("was removed; the manifest is as before");
        File.Exists(pack).Should().BeFalse();
        File.ReadAllText(Manifest(f)).Should().Be(original);
        (await new ReviewWorkflow(db, f.Workspace).PublishAsync(id, ReviewFixture.Carol)).Refusals.Should().BeEmpty();
        RulePack.Load(pack, PackTrust.DigestOnly).Manifest.Version.Should().Be("1.0.0");
    }

    [Fact]
    public async Task A_whole_pack_that_is_not_the_approved_working_copy_is_left_alone()
    {
        using var f = new ReviewFixture();
        var (id, original, pack, stamped) = await PublishedButNotMarkedAsync(f);
        f.Edit("rules/crossing/knuckle.md", "lesion.lengthMm >= 20", "lesion.lengthMm >= 25");
        new PublishJournal(f.Workspace.PacksDirectory).Begin(new PublishJournalEntry(id, "1.0.0", Path.GetFileName(pack), Manifest(f), original, stamped, "carol", DateTimeOffset.UtcNow));
        var bytes = File.ReadAllBytes(pack);

        using var db = ReviewStore.Open("sqlite", $"Data Source={f.DatabasePath}");
        var outcome = await new ReviewWorkflow(db, f.Workspace).RecoverInterruptedPublishAsync();

        outcome.Should().Contain("exists but it does not hold the working copy; nothing was changed");
        File.ReadAllBytes(pack).Should().Equal(bytes, "a whole pack is never deleted");
        (await new ReviewWorkflow(db, f.Workspace).GetAsync(id))!.Status.Should().Be(ReviewStatus.Approved);
    }

    private static string Manifest(ReviewFixture f) => Path.Combine(f.Workspace.RulesDirectory, "ruleset.yaml");

    private static async Task<(int Id, string OriginalManifest)> ApprovedAsync(ReviewFixture f)
    {
        var id = (await f.Workflow.SubmitAsync(ReviewFixture.Alice, "First release", mutations: false)).Submission!.Id;
        (await f.Workflow.ApproveAsync(id, ReviewFixture.Bob, "ok")).Succeeded.Should().BeTrue();
        return (id, File.ReadAllText(Manifest(f)));
    }

    /// <summary>A publish that wrote its pack, with the submission put back to approved (the manifest stays stamped).</summary>
    private static async Task<(int Id, string OriginalManifest, string Pack, string StampedManifest)> PublishedButNotMarkedAsync(ReviewFixture f)
    {
        var (id, original) = await ApprovedAsync(f);
        var published = await f.Workflow.PublishAsync(id, ReviewFixture.Carol);
        published.Succeeded.Should().BeTrue();
        var pack = Path.Combine(f.Workspace.PacksDirectory, published.Submission!.PackPath!);
        await UndoMarkAsync(f, id);
        return (id, original, pack, File.ReadAllText(Manifest(f)));
    }

    /// <summary>Puts the submission back to approved, as it was before the publish's last step.</summary>
    private static async Task UndoMarkAsync(ReviewFixture f, int id)
    {
        var s = await f.Db.Submissions.Include(x => x.Steps).SingleAsync(x => x.Id == id);
        s.Status = ReviewStatus.Approved;
        s.PackPath = null;
        f.Db.Remove(s.Steps.Single(x => x.Kind == ReviewStepKind.Published));
        await f.Db.SaveChangesAsync();
    }
}
