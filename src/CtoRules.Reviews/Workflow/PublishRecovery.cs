using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// Decides what an interrupted publish left: no pack, a pack that is the approved submission (it
/// loads, its digest verifies, it is the journal's version and holds the working copy whose digest,
/// with the manifest as it was before the stamp, is the one the submission froze), a pack that does
/// not load (cut short: it can only be this publish's own, as a publish never overwrites), or a pack
/// that loads but is something else (left alone).
/// </summary>
public static class PublishRecovery
{
    public sealed record Finding(string? Digest, string? Problem, bool Corrupt);

    public static Finding Inspect(string pack, ReviewWorkspace workspace, PublishJournalEntry entry, string? submissionDigest)
    {
        if (!File.Exists(pack)) return new(null, null, false);
        RulePack loaded;
        try
        {
            loaded = RulePack.Load(pack, PackTrust.DigestOnly);
        }
        catch (PackException e)
        {
            return new(null, e.Message, true);
        }
        if (loaded.RuleSet.Manifest.Version != entry.Version)
            return new(null, $"it is version {loaded.RuleSet.Manifest.Version}, not {entry.Version}", false);
        var working = RuleSetReader.LoadDirectory(workspace.RulesDirectory, workspace.ReferencesDirectory).RuleSet;
        if (working is null || PublishedMatch.PackedDigest(working) != PublishedMatch.PackedDigest(loaded.RuleSet))
            return new(null, "it does not hold the working copy", false);
        var approved = RuleSet.ComputeDigest(working.Sources.Select(s => s.Path == RuleSetReader.ManifestPath ? s with { Text = entry.OriginalManifest } : s));
        if (submissionDigest is not null && approved != submissionDigest)
            return new(null, "the working copy is not the one the submission froze", false);
        return new(loaded.Digest, null, false);
    }
}
