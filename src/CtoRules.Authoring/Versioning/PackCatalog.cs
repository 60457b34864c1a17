using System.Collections.Immutable;
using CtoRules.Packs;
using Semver;

namespace CtoRules.Authoring.Versioning;

/// <summary>A published pack file found in a packs folder: its rule-set id and version from its name.</summary>
public sealed record PublishedPackFile(string Path, string RuleSetId, SemVersion Version);

/// <summary>
/// The packs of a rule set in a folder (<c>packs/&lt;id&gt;-&lt;version&gt;.ctopack.json</c>), oldest
/// first. Temporary files of an unfinished publish (<c>*.tmp</c>) are never listed.
/// </summary>
public static class PackCatalog
{
    public static ImmutableArray<PublishedPackFile> List(string packsDirectory, string ruleSetId)
    {
        if (!Directory.Exists(packsDirectory)) return [];
        var prefix = ruleSetId + "-";
        var result = new List<PublishedPackFile>();
        foreach (var file in Directory.EnumerateFiles(packsDirectory, "*" + PackFormat.Extension))
        {
            var name = Path.GetFileName(file);
            if (!PackFormat.IsPackFile(name) || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var version = name[prefix.Length..^PackFormat.Extension.Length];
            if (SemVersion.TryParse(version, SemVersionStyles.Strict, out var v))
                result.Add(new PublishedPackFile(file, ruleSetId, v));
        }
        return [.. result.OrderBy(p => p.Version, SemVersion.SortOrderComparer)];
    }

    public static PublishedPackFile? Latest(string packsDirectory, string ruleSetId) => List(packsDirectory, ruleSetId).LastOrDefault();

    /// <summary>The packs folder of a rules folder: <c>packs/</c> beside it.</summary>
    public static string DefaultDirectory(string rulesDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesDirectory).TrimEnd('/', '\\'))!, "packs");
}
