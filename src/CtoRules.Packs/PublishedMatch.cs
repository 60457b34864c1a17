using CtoRules.Language.Rules;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs;

/// <summary>
/// Says when a working copy is a published version: its content digest
/// (<see cref="RuleSet.ComputeDigest"/>, the one function every adapter uses) equals the content
/// digest of a pack in the packs folder. The set is then reported with that pack's version and
/// digest (CLI text and JSON, API) instead of "&lt;version&gt;-draft, not published".
/// </summary>
public static class PublishedMatch
{
    /// <summary>The set marked with the matching pack's digest, or the set unchanged when none matches.</summary>
    public static RuleSet Apply(RuleSet set, string packsFolder)
    {
        if (set.PublishedDigest is not null || !Directory.Exists(packsFolder)) return set;
        var name = set.Manifest.Id + "-" + set.Manifest.Version + PackFormat.Extension;
        var candidate = Path.Combine(packsFolder, name);
        if (!File.Exists(candidate)) return set;
        try
        {
            // Integrity only: this names the version the content is, it does not vouch for a signer.
            var pack = RulePack.Load(candidate, PackTrust.DigestOnly);
            // A pack holds the sources that make the rules (not the review's section list, which only
            // the traceability matrix reads): compare those, with the one digest function.
            if (PackedDigest(pack.RuleSet) != PackedDigest(set)) return set;
            return new RuleSet
            {
                Manifest = set.Manifest,
                Rules = set.Rules,
                Scores = set.Scores,
                Bibliography = set.Bibliography,
                ReviewSections = set.ReviewSections,
                Sources = set.Sources,
                ContentDigest = set.ContentDigest,
                PublishedDigest = pack.Digest,
            };
        }
        catch (PackException)
        {
            return set;
        }
    }

    /// <summary>The content digest over the sources a pack holds.</summary>
    public static string PackedDigest(RuleSet set) =>
        RuleSet.ComputeDigest(set.Sources.Where(s => s.Path != RuleSetReader.ReviewSectionsPath));
}
