using CtoRules.Authoring.Files;
using CtoRules.Authoring.Publishing;
using CtoRules.Packs;
using CtoRules.Packs.Signing;
using CtoRules.Reviews.Model;
using CtoRules.Reviews.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// Four-eyes review and publish of the working copy. Every step checks the actor's roles and the
/// submission's state here, on the server, and is recorded with its comment.
/// </summary>
public sealed class ReviewWorkflow(ReviewDbContext db, ReviewWorkspace workspace, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ReviewWorkspace Workspace => workspace;

    public string? CurrentDigest() => SubmissionSnapshot.CurrentDigest(workspace);

    public async Task<IReadOnlyList<ReviewSubmission>> ListAsync(CancellationToken ct = default) =>
        await db.Submissions.Include(s => s.Steps).OrderByDescending(s => s.Id).AsNoTracking().ToListAsync(ct);

    public async Task<ReviewSubmission?> GetAsync(int id, CancellationToken ct = default)
    {
        var s = await db.Submissions.Include(s => s.Steps).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        s?.Steps.Sort((a, b) => a.Id.CompareTo(b.Id));
        return s;
    }

    /// <summary>Submits the working copy; <c>mutations</c>: also run the mutation check (the longest part; the site runs it, tests of the workflow may not).</summary>
    public async Task<ReviewOutcome> SubmitAsync(ReviewActor actor, string summary, bool mutations = true, CancellationToken ct = default)
    {
        var why = ReviewRules.WhyNotSubmit(actor);
        if (string.IsNullOrWhiteSpace(summary)) why.Add("a submission needs a summary of what changed and why");
        if (why.Count > 0) return ReviewOutcome.Refused(why);
        var (submission, problem) = SubmissionSnapshot.Take(workspace, actor.UserName, summary, _time.GetUtcNow(), mutations);
        if (submission is null) return ReviewOutcome.Refused(problem!);
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);
        return new ReviewOutcome(submission, []);
    }

    public Task<ReviewOutcome> ApproveAsync(int id, ReviewActor actor, string comment, CancellationToken ct = default) =>
        DecideAsync(id, actor, comment, ReviewStepKind.Approved, ReviewStatus.Approved, ct);

    public Task<ReviewOutcome> RequestChangesAsync(int id, ReviewActor actor, string comment, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(comment)
            ? Task.FromResult(ReviewOutcome.Refused("asking for changes needs a comment saying which"))
            : DecideAsync(id, actor, comment, ReviewStepKind.ChangesRequested, ReviewStatus.ChangesRequested, ct);

    private async Task<ReviewOutcome> DecideAsync(int id, ReviewActor actor, string comment, ReviewStepKind kind, ReviewStatus status, CancellationToken ct)
    {
        var s = await db.Submissions.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return ReviewOutcome.Refused($"there is no submission {id}");
        var why = ReviewRules.WhyNotDecide(s, actor, CurrentDigest());
        if (why.Count > 0) return ReviewOutcome.Refused(why);
        s.Status = status;
        s.Steps.Add(new ReviewStep { Kind = kind, UserName = actor.UserName, Comment = comment.Trim(), At = _time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return new ReviewOutcome(s, []);
    }

    /// <summary>
    /// Publishes an approved, current submission with its suggested version: writes the version and
    /// a changelog entry naming submitter, approver and publisher into the working copy's manifest,
    /// then publishes through <see cref="PackPublisher"/> (which checks everything again, signs and
    /// never overwrites). A refused publish puts the manifest back as it was.
    /// </summary>
    public async Task<ReviewOutcome> PublishAsync(int id, ReviewActor actor, CancellationToken ct = default)
    {
        var s = await db.Submissions.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return ReviewOutcome.Refused($"there is no submission {id}");
        var why = ReviewRules.WhyNotPublish(s, actor, CurrentDigest(), workspace.HasSigningKey);
        if (why.Count > 0) return ReviewOutcome.Refused(why);

        System.Security.Cryptography.ECDsa key;
        try
        {
            key = PackKeys.ImportPrivatePem(await File.ReadAllTextAsync(workspace.SigningKeyPath!, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            // The key's path and content are never shown; the message says what kind of problem it is.
            return ReviewOutcome.Refused($"the configured signing key cannot be used ({e.GetType().Name}); an administrator must check Review:SigningKeyPath");
        }

        using (key)
        {
            var now = _time.GetUtcNow();
            var approver = s.Steps.Where(x => x.Kind == ReviewStepKind.Approved).OrderBy(x => x.Id).Last().UserName;
            var manifestPath = Path.Combine(workspace.RulesDirectory, "ruleset.yaml");
            var original = await File.ReadAllTextAsync(manifestPath, ct);
            var (stamped, problem) = ManifestStamp.Apply(original, s.SuggestedVersion, now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                [s.Summary, $"Review {s.Id}: submitted by {s.SubmittedBy}, approved by {approver}, published by {actor.UserName}."]);
            if (stamped is null) return ReviewOutcome.Refused(problem!);
            // The journal first, then the manifest, the pack and the submission (PublishJournal): a
            // kill in between is finished or undone by RecoverInterruptedPublishAsync at the next start.
            var journal = new PublishJournal(workspace.PacksDirectory);
            journal.Begin(new PublishJournalEntry(s.Id, s.SuggestedVersion, PackFormat.FileName(s.RuleSetId, s.SuggestedVersion),
                manifestPath, original, stamped, actor.UserName, now));
            AtomicFile.Replace(manifestPath, stamped);
            var result = PackPublisher.Publish(new PublishOptions
            {
                RulesDirectory = workspace.RulesDirectory,
                ReferencesDirectory = workspace.ReferencesDirectory,
                CorpusDirectory = workspace.CorpusDirectory,
                PacksDirectory = workspace.PacksDirectory,
                Version = s.SuggestedVersion,
                SigningKey = key,
                Time = _time,
                BeforeCommit = workspace.PauseBeforePackRename > TimeSpan.Zero ? _ => Thread.Sleep(workspace.PauseBeforePackRename) : null,
            });
            if (!result.Published)
            {
                AtomicFile.Replace(manifestPath, original);
                journal.End();
                return ReviewOutcome.Refused(result.Refusals);
            }
            if (workspace.PauseAfterPackWritten > TimeSpan.Zero) await Task.Delay(workspace.PauseAfterPackWritten, CancellationToken.None);
            MarkPublished(s, Path.GetFileName(result.PackPath!), result.Digest!, actor.UserName, now, "");
            // Not cancellable: the pack is written, so the submission must say so.
            await db.SaveChangesAsync(CancellationToken.None);
            journal.End();
            return new ReviewOutcome(s, []);
        }
    }

    /// <summary>
    /// Finishes or undoes a publish that a crash interrupted (call once at start-up): when the pack
    /// was written, whole, and holds the working copy the submission froze (with the stamped
    /// manifest), the submission is marked published; when no pack was written, the manifest is
    /// put back and the submission stays approved, so it can be published again. A pack that does
    /// not verify was this publish's own (a publish never overwrites) and is removed. Returns what
    /// was done, or null when no publish was interrupted.
    /// </summary>
    public async Task<string?> RecoverInterruptedPublishAsync(CancellationToken ct = default)
    {
        var journal = new PublishJournal(workspace.PacksDirectory);
        if (journal.Pending() is not { } entry) return null;
        var s = await db.Submissions.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == entry.SubmissionId, ct);
        var pack = Path.Combine(workspace.PacksDirectory, entry.PackFile);
        var found = PublishRecovery.Inspect(pack, workspace, entry, s?.Digest);
        string outcome;
        if (found.Digest is { } digest)
        {
            if (s is null || s.Status == ReviewStatus.Published) outcome = "it had completed";
            else
            {
                MarkPublished(s, entry.PackFile, digest, entry.Publisher, entry.At, " (recorded at the next start after an interrupted publish)");
                await db.SaveChangesAsync(ct);
                outcome = $"the pack {entry.PackFile} was written and verifies; the submission is now marked published";
            }
        }
        else if (found.Problem is not null && !found.Corrupt)
            outcome = $"a pack {entry.PackFile} exists but {found.Problem}; nothing was changed, an administrator must look";
        else
        {
            if (found.Corrupt) File.Delete(pack);
            var manifest = File.Exists(entry.ManifestPath) ? await File.ReadAllTextAsync(entry.ManifestPath, ct) : null;
            if (manifest == entry.StampedManifest) AtomicFile.Replace(entry.ManifestPath, entry.OriginalManifest);
            outcome = (found.Corrupt ? $"the pack did not verify ({found.Problem}) and was removed" : "no pack was written")
                + (manifest == entry.StampedManifest ? "; the manifest is as before" : "")
                + "; the submission stays approved and can be published again";
        }
        journal.End();
        return $"an interrupted publish of submission {entry.SubmissionId} ({entry.Version}) by {entry.Publisher} at {entry.At:u}: {outcome}";
    }

    private static void MarkPublished(ReviewSubmission s, string packFile, string digest, string publisher, DateTimeOffset at, string note)
    {
        s.Status = ReviewStatus.Published;
        s.PackPath = packFile;
        s.Steps.Add(new ReviewStep { Kind = ReviewStepKind.Published, UserName = publisher, Comment = $"{packFile} ({digest}){note}", At = at });
    }
}
