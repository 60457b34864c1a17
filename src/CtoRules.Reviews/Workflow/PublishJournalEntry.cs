namespace CtoRules.Reviews.Workflow;

/// <summary>
/// One publish in progress: the submission, the pack it will write (a file name in the packs
/// folder), the manifest before and after the stamp (to put it back when no pack was written), who
/// publishes and when.
/// </summary>
public sealed record PublishJournalEntry(
    int SubmissionId,
    string Version,
    string PackFile,
    string ManifestPath,
    string OriginalManifest,
    string StampedManifest,
    string Publisher,
    DateTimeOffset At);
