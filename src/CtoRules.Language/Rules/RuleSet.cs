using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CtoRules.Language.References;
using CtoRules.Language.Scores;

namespace CtoRules.Language.Rules;

/// <summary>A rule set that read and type-checked without errors: immutable, ready to compile.</summary>
public sealed class RuleSet
{
    public required RuleSetManifest Manifest { get; init; }
    public required ImmutableArray<RuleDefinition> Rules { get; init; }
    public required ImmutableArray<ScoreDefinition> Scores { get; init; }
    public required ImmutableDictionary<string, Reference> Bibliography { get; init; }

    /// <summary>The review's sections, tables and figures, in reading order (may be empty).</summary>
    public ImmutableArray<ReviewSection> ReviewSections { get; init; } = [];

    /// <summary>Every source the set was read from, sorted by logical path.</summary>
    public required ImmutableArray<SourceFile> Sources { get; init; }

    /// <summary>SHA-256 of the sources in canonical form: the compile cache key.</summary>
    public required string ContentDigest { get; init; }

    /// <summary>The digest of a published pack, when the set was loaded from one; else null.</summary>
    public string? PublishedDigest { get; init; }

    public RuleDefinition? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// This set without the rules that read a score, directly or through derived facts: what an
    /// engine that does not implement score reading can run (the benchmark's hand-written
    /// baselines). Its digest differs, so it never shares a compile cache entry with this set.
    /// </summary>
    public RuleSet WithoutScoreReaders()
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var kept = Rules.ToList();
        bool Reads(RuleDefinition r) => r.Condition.Scores().Any() || r.Condition.DerivedFacts().Any(removed.Contains);
        for (var changed = true; changed;)
        {
            var drop = kept.Where(Reads).ToList();
            changed = drop.Count > 0;
            foreach (var r in drop)
            {
                kept.Remove(r);
                if (r.Derives is not null) removed.Add(r.Derives);
            }
        }
        return kept.Count == Rules.Length ? this : new RuleSet
        {
            Manifest = Manifest, Rules = [.. kept], Scores = Scores, Bibliography = Bibliography, ReviewSections = ReviewSections,
            Sources = Sources, ContentDigest = ContentDigest + "-without-score-readers", PublishedDigest = PublishedDigest,
        };
    }

    /// <summary>
    /// SHA-256 over the sources sorted by logical path: for each, the path, a newline, the text with
    /// line endings normalised to LF, and a NUL separator.
    /// </summary>
    public static string ComputeDigest(IEnumerable<SourceFile> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s.Path + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(NormalizeNewlines(s.Text)));
            sha.AppendData([0]);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
