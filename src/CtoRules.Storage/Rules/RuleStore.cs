using CtoRules.Authoring.Files;
using System.Security.Claims;
using CtoRules.Authoring.Editing;
using CtoRules.Authoring.Versioning;
using CtoRules.Authoring.Workspace;
using CtoRules.Cases;
using CtoRules.Language.Diagnostics;
using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;

namespace CtoRules.Storage.Rules;

/// <summary>
/// Saving rules of the working copy: a comment is required, the author must hold the author role,
/// a save over someone else's newer save is refused (the caller keeps its text and gets the
/// difference), the file is written atomically, one revision is recorded, the version is raised
/// when the validator asks for it (CTO1021), and the working copy is reloaded for evaluation.
/// Also creating a rule from a stage template, retiring and restoring.
/// </summary>
public sealed class RuleStore(WorkingCopy workingCopy, RevisionLog revisions, TimeProvider? time = null)
{
    // One writer at a time in this host: the hash check and the write must not interleave.
    private static readonly SemaphoreSlim WriteLock = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SaveJournal _journal = SaveJournal.For(workingCopy);

    public RuleDocument? Open(string ruleId)
    {
        var rule = workingCopy.Current.RuleSet.Find(ruleId);
        if (rule is null) return null;
        var text = File.ReadAllText(workingCopy.FullPath(rule.Source.Path));
        return new RuleDocument(ruleId, rule.Source.Path, text, TextHash.Of(text));
    }

    public async Task<SaveResult> SaveAsync(RuleDocument opened, string newText, string comment, ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (Refuse(user, comment) is { } refused) return refused;
        await WriteLock.WaitAsync(cancel);
        try
        {
            var path = workingCopy.FullPath(opened.LogicalPath);
            var current = File.Exists(path) ? File.ReadAllText(path) : "";
            if (TextHash.Of(current) != opened.Hash)
            {
                return new SaveResult(SaveOutcome.Conflict, "Someone saved this rule after you opened it. Your text is kept; nothing was overwritten. Compare, merge by hand, then reopen to save.")
                {
                    CurrentText = current,
                    Difference = SideBySideDiff.Compare(current, newText),
                };
            }
            var (text, analysis, raised) = WithVersionRaised(opened.LogicalPath, newText);
            if (analysis.HasErrors)
                return new SaveResult(SaveOutcome.Invalid, "The rule set would have errors; fix them before saving.") { Diagnostics = analysis.Diagnostics };
            if (text == current) return new SaveResult(SaveOutcome.Refused, "Nothing changed.");

            await CommitAsync(Revision(opened.RuleId, opened.LogicalPath, user, comment, RevisionKind.Edit, current, text), () => AtomicFile.Replace(path, text));
            workingCopy.Reload();
            return new SaveResult(SaveOutcome.Saved, raised is null ? "Saved." : "Saved; the version was raised.")
            {
                NewHash = TextHash.Of(text),
                SavedText = text,
                VersionRaised = raised,
                Diagnostics = analysis.Diagnostics,
            };
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Creates <c>rules/&lt;stage&gt;/&lt;id&gt;.md</c> from the stage template.</summary>
    public async Task<SaveResult> CreateAsync(string stage, string id, string title, string comment, ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (Refuse(user, comment) is { } refused) return refused;
        if (!CaseSchema.Stages.Contains(stage)) return new SaveResult(SaveOutcome.Refused, $"unknown stage '{stage}'");
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')))
            return new SaveResult(SaveOutcome.Refused, "An id is lower-case letters, digits, '.' and '-', e.g. crossing.cap.new-idea.");
        if (workingCopy.Current.RuleSet.Find(id) is not null) return new SaveResult(SaveOutcome.Refused, $"rule '{id}' already exists");
        var logical = $"rules/{stage}/{id}.md";
        await WriteLock.WaitAsync(cancel);
        try
        {
            var path = workingCopy.FullPath(logical);
            if (File.Exists(path)) return new SaveResult(SaveOutcome.Refused, $"{logical} already exists");
            var text = RuleTemplates.ForStage(stage, id, title);
            var analysis = RuleEditAnalyzer.Analyze(workingCopy.Current.RuleSet.Sources, logical, text);
            if (analysis.HasErrors)
                return new SaveResult(SaveOutcome.Invalid, "The new rule would have errors.") { Diagnostics = analysis.Diagnostics };
            await CommitAsync(Revision(id, logical, user, comment, RevisionKind.Create, "", text), () => AtomicFile.Replace(path, text));
            workingCopy.Reload();
            return new SaveResult(SaveOutcome.Saved, "Created.") { NewHash = TextHash.Of(text), SavedText = text };
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Takes a rule out of the rule set; its text stays in the history and it can be restored.</summary>
    public async Task<SaveResult> RetireAsync(string ruleId, string comment, ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (Refuse(user, comment) is { } refused) return refused;
        await WriteLock.WaitAsync(cancel);
        try
        {
            var rule = workingCopy.Current.RuleSet.Find(ruleId);
            if (rule is null) return new SaveResult(SaveOutcome.Refused, $"no rule '{ruleId}'");
            var sources = workingCopy.Current.RuleSet.Sources.Where(s => s.Path != rule.Source.Path);
            var load = Language.Rules.RuleSetReader.Load(sources);
            if (load.HasErrors)
                return new SaveResult(SaveOutcome.Invalid, "Other rules need this one; retiring it would break the rule set.")
                {
                    Diagnostics = [.. load.Diagnostics.Select(d => new PlacedDiagnostic(d, null, false))],
                };
            var path = workingCopy.FullPath(rule.Source.Path);
            var before = File.ReadAllText(path);
            await CommitAsync(Revision(ruleId, rule.Source.Path, user, comment, RevisionKind.Retire, before, ""), () => File.Delete(path));
            workingCopy.Reload();
            return new SaveResult(SaveOutcome.Saved, "Retired; it can be restored from the retired rules.");
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Puts a retired rule back with the text it had when it was retired.</summary>
    public async Task<SaveResult> RestoreAsync(string ruleId, string comment, ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (Refuse(user, comment) is { } refused) return refused;
        await WriteLock.WaitAsync(cancel);
        try
        {
            var retired = (await revisions.RetiredAsync(cancel)).FirstOrDefault(r => r.RuleId == ruleId);
            if (retired is null) return new SaveResult(SaveOutcome.Refused, $"rule '{ruleId}' is not retired");
            var path = workingCopy.FullPath(retired.Path);
            if (File.Exists(path)) return new SaveResult(SaveOutcome.Refused, $"{retired.Path} exists again");
            var analysis = RuleEditAnalyzer.Analyze(workingCopy.Current.RuleSet.Sources, retired.Path, retired.TextBefore);
            if (analysis.HasErrors)
                return new SaveResult(SaveOutcome.Invalid, "The restored rule would have errors.") { Diagnostics = analysis.Diagnostics };
            await CommitAsync(Revision(ruleId, retired.Path, user, comment, RevisionKind.Restore, "", retired.TextBefore), () => AtomicFile.Replace(path, retired.TextBefore));
            workingCopy.Reload();
            return new SaveResult(SaveOutcome.Saved, "Restored.") { NewHash = TextHash.Of(retired.TextBefore), SavedText = retired.TextBefore };
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>
    /// Finishes or drops a save that a crash interrupted (see <see cref="SaveJournal"/>); call once at
    /// start-up. Returns what was done, or null when no save was interrupted.
    /// </summary>
    public async Task<string?> RecoverAsync(CancellationToken cancel = default)
    {
        await WriteLock.WaitAsync(cancel);
        try
        {
            var done = await _journal.RecoverAsync(workingCopy.FullPath, revisions, cancel);
            if (done is not null) workingCopy.Reload();
            return done is null ? null : "rule save: " + done;
        }
        finally
        {
            WriteLock.Release();
        }
    }

    // The journal first, then the file, then the revision: a crash anywhere leaves a state RecoverAsync
    // completes or undoes. Once the file is written the revision is recorded even if the caller gave up.
    private async Task CommitAsync(RuleRevision revision, Action writeFile)
    {
        _journal.Begin(revision);
        writeFile();
        await revisions.AddAsync(revision, CancellationToken.None);
        _journal.End();
    }

    // A published rule whose text changed must get a new version (CTO1021): raise it and say why.
    private (string Text, RuleEditAnalysis Analysis, string? Raised) WithVersionRaised(string logicalPath, string text)
    {
        var analysis = RuleEditAnalyzer.Analyze(workingCopy.Current.RuleSet.Sources, logicalPath, text);
        if (analysis.RuleSet is null) return (text, analysis, null);
        var file = RuleFileText.Parse(text);
        var id = file?.Scalar("id");
        var cto1021 = PublishedRuleCheck.CheckAgainstLatest(analysis.RuleSet, workingCopy.PacksDirectory)
            .FirstOrDefault(d => d.Descriptor == DiagnosticDescriptors.RuleChangedWithoutVersion && d.Message.Contains($"'{id}'", StringComparison.Ordinal));
        if (cto1021 is null || file is null || !int.TryParse(file.Scalar("version"), out var version)) return (text, analysis, null);
        file.SetNumber("version", version + 1);
        var raised = file.ToString();
        return (raised, RuleEditAnalyzer.Analyze(workingCopy.Current.RuleSet.Sources, logicalPath, raised),
            $"{cto1021.Code}: {cto1021.Message}. The version is now {version + 1}.");
    }

    private static SaveResult? Refuse(ClaimsPrincipal user, string comment)
    {
        // The page checks the policy too; this check holds for every caller of the library.
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Author))
            return new SaveResult(SaveOutcome.Refused, "Only an author may change rules.");
        return string.IsNullOrWhiteSpace(comment) ? new SaveResult(SaveOutcome.Refused, "A comment is required: say why you changed the rule.") : null;
    }

    private RuleRevision Revision(string ruleId, string path, ClaimsPrincipal user, string comment, RevisionKind kind, string before, string after) => new()
    {
        RuleId = ruleId,
        Path = path,
        Author = user.Identity!.Name ?? "?",
        SavedAt = _time.GetUtcNow(),
        Comment = comment.Trim(),
        Kind = kind,
        TextBefore = before,
        TextAfter = after,
    };
}
