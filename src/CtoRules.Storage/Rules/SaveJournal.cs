using CtoRules.Authoring.Files;
using System.Text.Json;
using CtoRules.Authoring.Workspace;
using CtoRules.Storage.Revisions;

namespace CtoRules.Storage.Rules;

/// <summary>
/// A rule or corpus-case save changes two stores, the file and the revision row, and no transaction
/// spans both. Before either is touched the whole revision is written here (atomically); it is
/// removed once both are done. A process killed in between leaves the journal, and
/// <see cref="RecoverAsync"/> at the next start finishes the save (the file was written: the
/// revision is added) or drops it (the file was not written), so every save happened completely or
/// not at all (issue 15, crash safety).
/// </summary>
public sealed class SaveJournal(string path)
{
    /// <summary>Beside the rules folder, in the working copy's root; not a *.md, so never read as a rule.</summary>
    public const string FileName = ".ctorules-save-journal.json";

    public string FilePath { get; } = path;

    /// <summary>The corpus store's own journal (a save of each kind may run at once); not *.yaml or *.json, so never read as a case.</summary>
    public const string CorpusFileName = ".ctorules-corpus-save.journal";

    public static SaveJournal For(WorkingCopy workingCopy) => new(Path.Combine(workingCopy.Root, FileName));

    public static SaveJournal ForCorpus(string corpusDirectory) => new(Path.Combine(corpusDirectory, CorpusFileName));

    public void Begin(RuleRevision revision) => AtomicFile.Replace(FilePath, JsonSerializer.Serialize(Entry.From(revision)));

    public void End() => File.Delete(FilePath);

    /// <summary>The revision of a save that did not finish, if any.</summary>
    public RuleRevision? Pending()
    {
        if (!File.Exists(FilePath)) return null;
        // Written by an atomic rename, so it is whole; anything else was not written by us.
        var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(FilePath))
            ?? throw new InvalidDataException($"{FilePath} is not a save journal");
        return entry.ToRevision();
    }

    /// <summary>
    /// Finishes or drops the interrupted save, if any; <paramref name="fullPath"/> turns its logical
    /// path into the file. Returns what was done, or null when no save was interrupted.
    /// </summary>
    public async Task<string?> RecoverAsync(Func<string, string> fullPath, RevisionLog revisions, CancellationToken cancel = default)
    {
        var pending = Pending();
        if (pending is null) return null;
        var path = fullPath(pending.Path);
        var onDisk = File.Exists(path) ? await File.ReadAllTextAsync(path, cancel) : "";
        string outcome;
        if (onDisk == pending.TextAfter)
        {
            // Timestamps: PostgreSQL keeps microseconds, so compare within a millisecond.
            var recorded = (await revisions.ForRuleAsync(pending.RuleId, cancel)).Any(r => r.TextAfter == pending.TextAfter
                && r.Author == pending.Author && (r.SavedAt - pending.SavedAt).Duration() < TimeSpan.FromMilliseconds(1));
            if (!recorded) await revisions.AddAsync(pending, cancel);
            outcome = recorded ? "it had completed" : "the file was written; its revision is now recorded";
        }
        else outcome = onDisk == pending.TextBefore ? "the file was not written; nothing was saved" : "the file changed since; left as it is";
        End();
        return $"an interrupted {pending.Kind.ToString().ToLowerInvariant()} of {pending.RuleId} by {pending.Author} at {pending.SavedAt:u}: {outcome}";
    }

    private sealed record Entry(string RuleId, string Path, string Author, DateTimeOffset SavedAt, string Comment, RevisionKind Kind, string TextBefore, string TextAfter)
    {
        public static Entry From(RuleRevision r) => new(r.RuleId, r.Path, r.Author, r.SavedAt, r.Comment, r.Kind, r.TextBefore, r.TextAfter);

        public RuleRevision ToRevision() => new()
        {
            RuleId = RuleId, Path = Path, Author = Author, SavedAt = SavedAt, Comment = Comment, Kind = Kind, TextBefore = TextBefore, TextAfter = TextAfter,
        };
    }
}
