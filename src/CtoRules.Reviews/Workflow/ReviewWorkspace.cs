namespace CtoRules.Reviews.Workflow;

/// <summary>
/// Where the working copy, its corpus and the packs are, and the signing key's path from the host's
/// configuration (never from the repository; never shown).
/// </summary>
public sealed record ReviewWorkspace(string RulesDirectory, string CorpusDirectory, string PacksDirectory, string? SigningKeyPath)
{
    public string? ReferencesDirectory { get; init; }

    /// <summary>Crash tests only (<c>Review:TestPauseBeforePackRenameMs</c>): a pause once the pack's temporary file is written, before its rename. Zero otherwise.</summary>
    public TimeSpan PauseBeforePackRename { get; init; }

    /// <summary>Crash tests only (<c>Review:TestPauseAfterPackWrittenMs</c>): a pause between the pack written and the submission marked published. Zero otherwise.</summary>
    public TimeSpan PauseAfterPackWritten { get; init; }

    public bool HasSigningKey => !string.IsNullOrWhiteSpace(SigningKeyPath) && File.Exists(SigningKeyPath);

    /// <summary>What to tell a user when no key is configured: how to make one (the path itself is not shown).</summary>
    public const string NoKeyHelp =
        "No signing key is configured, so nothing can be published. An administrator creates one with " +
        "`ctorules keygen --out <file outside the repository>` and sets `Review:SigningKeyPath` in the host's configuration to that file.";
}
