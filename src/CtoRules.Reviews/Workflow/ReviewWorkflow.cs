using CtoRules.Authoring.Publishing;
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
            ReplaceFile(manifestPath, stamped);
            var result = PackPublisher.Publish(new PublishOptions
            {
                RulesDirectory = workspace.RulesDirectory,
                ReferencesDirectory = workspace.ReferencesDirectory,
                CorpusDirectory = workspace.CorpusDirectory,
                PacksDirectory = workspace.PacksDirectory,
                Version = s.SuggestedVersion,
                SigningKey = key,
                Time = _time,
            });
            if (!result.Published)
            {
                ReplaceFile(manifestPath, original);
                return ReviewOutcome.Refused(result.Refusals);
            }
            s.Status = ReviewStatus.Published;
            s.PackPath = Path.GetFileName(result.PackPath);
            s.Steps.Add(new ReviewStep { Kind = ReviewStepKind.Published, UserName = actor.UserName, Comment = $"{s.PackPath} ({result.Digest})", At = now });
            await db.SaveChangesAsync(ct);
            return new ReviewOutcome(s, []);
        }
    }

    /// <summary>Replaces a file's text atomically (a temporary file renamed over it).</summary>
    private static void ReplaceFile(string path, string text)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
