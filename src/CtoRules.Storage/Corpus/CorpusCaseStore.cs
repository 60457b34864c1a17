using CtoRules.Authoring.Files;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CtoRules.Authoring.CorpusCases;
using CtoRules.Authoring.Editing;
using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using CtoRules.Storage.Rules;

namespace CtoRules.Storage.Corpus;

/// <summary>
/// Writing corpus cases (<c>tests/corpus/&lt;id&gt;.yaml</c>) under the rule-save rules: an author and
/// a comment are required, the document must read without errors, a save over a newer save (or a
/// new case over an existing file) is refused with the difference and nothing is overwritten, the
/// file is replaced atomically, and one revision is recorded. Revisions share the rule revision
/// log with the key <c>corpus:&lt;name&gt;</c> (<see cref="RevisionKey"/>), so no new table is needed.
/// </summary>
public sealed partial class CorpusCaseStore(string corpusDirectory, RevisionLog revisions, TimeProvider? time = null)
{
    private static readonly SemaphoreSlim WriteLock = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SaveJournal _journal = SaveJournal.ForCorpus(Path.GetFullPath(corpusDirectory));

    public string CorpusDirectory { get; } = Path.GetFullPath(corpusDirectory);

    public static string RevisionKey(string name) => "corpus:" + name;

    /// <summary>The case's file, anywhere below the corpus folder; null when there is none or the name is not a corpus name.</summary>
    public CorpusCaseDocument? Open(string name)
    {
        if (!IsName(name) || Find(name) is not { } path) return null;
        var text = File.ReadAllText(path);
        return new CorpusCaseDocument(name, Logical(path), text, TextHash.Of(text));
    }

    /// <summary>Saves a form: a new case when <paramref name="opened"/> is null, else the opened one.</summary>
    public async Task<CorpusCaseSaveResult> SaveAsync(CorpusCaseDocument? opened, CorpusCaseForm form, string comment, ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Author))
            return new CorpusCaseSaveResult(SaveOutcome.Refused, "Only an author may write corpus cases.");
        if (string.IsNullOrWhiteSpace(comment))
            return new CorpusCaseSaveResult(SaveOutcome.Refused, "A comment is required: say why the case or its expectation is right.");
        if (!IsName(form.Name))
            return new CorpusCaseSaveResult(SaveOutcome.Invalid, "The case's id names its file: letters, digits, '.', '-' and '_', starting with a letter or digit.")
            {
                Errors = [new Cases.CaseError("case.id", $"'{form.Name}' cannot be a corpus file name")],
            };
        if (opened is not null && opened.Name != form.Name)
            return new CorpusCaseSaveResult(SaveOutcome.Refused, $"The id names the file: this form edits '{opened.Name}'. To make a case with another id, start a new case.");
        var check = form.Check();
        if (!check.IsValid)
            return new CorpusCaseSaveResult(SaveOutcome.Invalid, $"The corpus case has {check.Errors.Length} error(s); nothing was saved.") { Errors = check.Errors };

        await WriteLock.WaitAsync(cancel);
        try
        {
            var path = opened is null ? Find(form.Name) ?? Path.Combine(CorpusDirectory, form.Name + ".yaml") : Path.Combine(CorpusDirectory, opened.LogicalPath["tests/corpus/".Length..]);
            var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancel) : null;
            var expected = opened?.Hash;
            if (current is not null ? TextHash.Of(current) != expected : expected is not null)
            {
                var message = opened is null
                    ? $"A corpus case '{form.Name}' exists already; nothing was overwritten. Open it to edit it, or give this case another id."
                    : "Someone saved this case after you opened it. Your form is kept; nothing was overwritten. Compare, then reopen to save.";
                return new CorpusCaseSaveResult(SaveOutcome.Conflict, message)
                {
                    CurrentText = current ?? "",
                    Difference = SideBySideDiff.Compare(current ?? "", check.Text),
                };
            }
            // A JSON case stays JSON; the corpus reader reads both (JSON is YAML too, so the check holds).
            var text = path.EndsWith(".json", StringComparison.Ordinal)
                ? form.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n"
                : check.Text;
            if (current == text) return new CorpusCaseSaveResult(SaveOutcome.Refused, "Nothing changed.");

            var logical = Logical(path);
            var revision = new RuleRevision
            {
                RuleId = RevisionKey(form.Name),
                Path = logical,
                Author = user.Identity!.Name ?? "?",
                SavedAt = _time.GetUtcNow(),
                Comment = comment.Trim(),
                Kind = current is null ? RevisionKind.Create : RevisionKind.Edit,
                TextBefore = current ?? "",
                TextAfter = text,
            };
            // The journal first, then the file, then the revision (SaveJournal): a kill in between is
            // finished or undone by RecoverAsync at the next start.
            _journal.Begin(revision);
            AtomicFile.Replace(path, text);
            await revisions.AddAsync(revision, CancellationToken.None);
            _journal.End();
            return new CorpusCaseSaveResult(SaveOutcome.Saved, current is null ? "Corpus case created." : "Corpus case saved.")
            {
                Saved = new CorpusCaseDocument(form.Name, logical, text, TextHash.Of(text)),
            };
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Finishes or drops a corpus-case save that a crash interrupted; call once at start-up.</summary>
    public async Task<string?> RecoverAsync(CancellationToken cancel = default)
    {
        await WriteLock.WaitAsync(cancel);
        try
        {
            var done = await _journal.RecoverAsync(l => Path.Combine(CorpusDirectory, l["tests/corpus/".Length..]), revisions, cancel);
            return done is null ? null : "corpus-case save: " + done;
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    private string? Find(string name) => Directory.Exists(CorpusDirectory)
        ? Directory.EnumerateFiles(CorpusDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == name)
        : null;

    private string Logical(string path) => "tests/corpus/" + Path.GetRelativePath(CorpusDirectory, path).Replace('\\', '/');

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")]
    private static partial Regex NamePattern();
}
