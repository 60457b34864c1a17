using System.Text.Json;
using CtoRules.Authoring.Files;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// A publish from the review page changes three things no transaction spans: the manifest is
/// stamped with the version, the pack is written, the submission is marked published. Before the
/// first of them, what is about to happen is written here (atomically, in the packs folder; not a
/// <c>*.ctopack.json</c>, so never read as a pack) and it is removed once all three are done. A
/// process killed in between leaves it, and <see cref="ReviewWorkflow.RecoverInterruptedPublishAsync"/>
/// at the next start finishes the publish (the pack was written) or undoes it (it was not), so the
/// submission and the packs folder always agree (issue 15, crash safety).
/// </summary>
public sealed class PublishJournal(string packsDirectory)
{
    public const string FileName = ".ctorules-publish.journal";

    public string FilePath { get; } = Path.Combine(Path.GetFullPath(packsDirectory), FileName);

    public void Begin(PublishJournalEntry entry) => AtomicFile.Replace(FilePath, JsonSerializer.Serialize(entry));

    public void End()
    {
        File.Delete(FilePath);
        DirectorySync.Flush(Path.GetDirectoryName(FilePath)!);
    }

    /// <summary>The publish that did not finish, if any.</summary>
    public PublishJournalEntry? Pending() => File.Exists(FilePath)
        // Written by an atomic rename, so it is whole; anything else was not written by us.
        ? JsonSerializer.Deserialize<PublishJournalEntry>(File.ReadAllText(FilePath)) ?? throw new InvalidDataException($"{FilePath} is not a publish journal")
        : null;
}
