using System.Text.Json;
using CtoRules.Authoring.Editing;
using CtoRules.Authoring.Workspace;
using CtoRules.Storage.Revisions;

namespace CtoRules.Storage.Rules;

/// <summary>
/// A rule save changes two stores, the rule file and the revision row, and no transaction spans
/// both. Before either is touched the whole revision is written here (atomically); it is removed
/// once both are done. A process killed in between leaves the journal, and
/// <see cref="RuleStore.RecoverAsync"/> at the next start finishes the save (the file was written:
/// the revision is added) or drops it (the file was not written), so every save happened completely
/// or not at all (issue 15, crash safety).
/// </summary>
public sealed class SaveJournal(string path)
{
    /// <summary>Beside the rules folder, in the working copy's root; not a *.md, so never read as a rule.</summary>
    public const string FileName = ".ctorules-save-journal.json";

    public string FilePath { get; } = path;

    public static SaveJournal For(WorkingCopy workingCopy) => new(Path.Combine(workingCopy.Root, FileName));

    public void Begin(RuleRevision revision) => AtomicReplace.Write(FilePath, JsonSerializer.Serialize(Entry.From(revision)));

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

    private sealed record Entry(string RuleId, string Path, string Author, DateTimeOffset SavedAt, string Comment, RevisionKind Kind, string TextBefore, string TextAfter)
    {
        public static Entry From(RuleRevision r) => new(r.RuleId, r.Path, r.Author, r.SavedAt, r.Comment, r.Kind, r.TextBefore, r.TextAfter);

        public RuleRevision ToRevision() => new()
        {
            RuleId = RuleId, Path = Path, Author = Author, SavedAt = SavedAt, Comment = Comment, Kind = Kind, TextBefore = TextBefore, TextAfter = TextAfter,
        };
    }
}
