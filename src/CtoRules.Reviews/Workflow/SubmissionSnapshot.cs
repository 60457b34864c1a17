using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Mutations;
using CtoRules.Authoring.Rendering;
using CtoRules.Authoring.Versioning;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;
using CtoRules.Reviews.Model;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// What a submission freezes, computed from the working copy: digest, diagnostics, the diff against
/// the newest pack with its suggested version, the corpus result and (optionally) the mutation score.
/// </summary>
public static class SubmissionSnapshot
{
    /// <summary>The working copy's digest, or null when it does not load (then every submission is stale).</summary>
    public static string? CurrentDigest(ReviewWorkspace ws) =>
        RuleSetReader.LoadDirectory(ws.RulesDirectory, ws.ReferencesDirectory).RuleSet?.ContentDigest;

    /// <summary>Fills a new submission, or returns why the working copy cannot be submitted.</summary>
    public static (ReviewSubmission? Submission, string? Problem) Take(ReviewWorkspace ws, string user, string summary, DateTimeOffset now, bool mutations)
    {
        var load = RuleSetReader.LoadDirectory(ws.RulesDirectory, ws.ReferencesDirectory);
        if (load.RuleSet is not { } set)
            return (null, $"the working copy has {load.Diagnostics.Count(d => d.IsError)} error(s); fix them before submitting");
        var diagnostics = load.Diagnostics.Concat(RuleSetReader.UncitedReferences(set)).ToList();
        var cases = Directory.Exists(ws.CorpusDirectory) ? CorpusReader.ReadDirectory(ws.CorpusDirectory) : [];
        var corpus = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), cases);

        var s = new ReviewSubmission
        {
            RuleSetId = set.Manifest.Id,
            Summary = summary.Trim(),
            Digest = set.ContentDigest,
            SubmittedBy = user,
            SubmittedAt = now,
            Status = ReviewStatus.Submitted,
            SuggestedVersion = set.Manifest.Version,
            CorpusPassed = corpus.Passed,
            CorpusFailed = corpus.Failed,
            CorpusErrors = corpus.Errors,
            Errors = diagnostics.Count(d => d.IsError),
            Warnings = diagnostics.Count(d => !d.IsError),
            Diagnostics = string.Join("\n", diagnostics.Select(d => d.ToString())),
        };

        var latest = PackCatalog.Latest(ws.PacksDirectory, set.Manifest.Id);
        if (latest is not null)
        {
            var diff = RuleSetDiffer.Compare(RuleSetSide.Load(latest.Path), new RuleSetSide(ws.RulesDirectory, set, "working copy", null), cases, "tests/corpus");
            s.BaseVersion = latest.Version.ToString();
            s.SuggestedBump = diff.Suggestion.Bump.Name();
            s.SuggestedVersion = diff.Suggestion.Bump.Apply(latest.Version).ToString();
            using var note = new StringWriter();
            DiffMarkdownRenderer.Render(diff, note);
            s.DiffMarkdown = note.ToString();
        }

        if (mutations)
        {
            var m = MutationRunner.Run(set, cases);
            s.MutantsKilled = m.Killed;
            s.MutantsTotal = m.Results.Length;
            s.MutationScore = Math.Round(m.Score, 1);
        }
        s.Steps.Add(new ReviewStep { Kind = ReviewStepKind.Submitted, UserName = user, Comment = s.Summary, At = now });
        return (s, null);
    }
}
