using System.Collections.Concurrent;
using CtoRules.Packs;
using CtoRules.Packs.Signing;
using Semver;

namespace CtoRules.Audit.Replay;

/// <summary>
/// The published packs in a folder (<c>packs/</c>): by version, by digest, and the newest. When the
/// folder holds public keys (<c>*.pub.pem</c>) a pack must be signed by one of them; a pack that
/// fails to load is left out (and named in <see cref="Rejected"/>). New files are picked up on
/// each call; a loaded pack is kept (packs are immutable).
/// </summary>
public sealed class PackLibrary(string folder)
{
    private readonly ConcurrentDictionary<string, RulePack?> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _rejected = new(StringComparer.Ordinal);

    public string Folder { get; } = folder;

    /// <summary>Files that did not load, and why.</summary>
    public IReadOnlyDictionary<string, string> Rejected => _rejected;

    /// <summary>Every loaded pack, newest version first.</summary>
    public IReadOnlyList<RulePack> All()
    {
        if (!Directory.Exists(Folder)) return [];
        var trust = Trust();
        var packs = new List<RulePack>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + PackFormat.Extension).Order(StringComparer.Ordinal))
        {
            var pack = _loaded.GetOrAdd(file, f =>
            {
                try { return RulePack.Load(f, trust); }
                catch (PackException e) { _rejected[f] = e.Message; return null; }
            });
            if (pack is not null) packs.Add(pack);
        }
        return [.. packs.OrderByDescending(p => Version(p), SemVersion.SortOrderComparer)];
    }

    public RulePack? Newest() => All().FirstOrDefault();

    public RulePack? ByVersion(string version) => All().FirstOrDefault(p => p.Manifest.Version == version);

    public RulePack? ByDigest(string digest) => All().FirstOrDefault(p => p.Digest == digest);

    private PackTrust Trust()
    {
        var keys = Directory.EnumerateFiles(Folder, "*.pub.pem").Order(StringComparer.Ordinal).ToArray();
        return keys.Length == 0 ? PackTrust.DigestOnly : PackTrust.SignedByKeyFiles(keys);
    }

    private static SemVersion Version(RulePack p) =>
        SemVersion.TryParse(p.Manifest.Version, SemVersionStyles.Any, out var v) ? v : new SemVersion(0);
}
