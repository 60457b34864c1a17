using System.Collections.Concurrent;
using CtoRules.Authoring.Workspace;
using CtoRules.Engine;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Authoring.Advising;

/// <summary>
/// The rule sets the advisor offers: the working copy, and every published pack in the packs
/// folder, verified (digest and signature) with the public keys shipped beside them
/// (<c>packs/*.pub.pem</c>). A pack that does not verify is listed with the reason and never
/// evaluated. Loaded packs are kept per file and modification time.
/// </summary>
public sealed class RuleSources(WorkingCopy workingCopy)
{
    private readonly ConcurrentDictionary<string, (DateTime Stamp, RulePack? Pack, string? Problem)> _packs = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleSource> List()
    {
        var manifest = workingCopy.Current.RuleSet.Manifest;
        var list = new List<RuleSource> { new(RuleSource.WorkingCopyKey, $"Working copy ({manifest.Id} {manifest.Version}-draft)", null) };
        foreach (var file in PackFiles())
        {
            var (pack, problem) = Load(file);
            var label = pack is null ? Path.GetFileName(file) : $"Published {pack.Manifest.Id} {pack.Manifest.Version}";
            list.Add(new RuleSource(Path.GetFileName(file), label, problem));
        }
        return list;
    }

    /// <summary>The advisor of a source; null when the key names no usable source.</summary>
    public Advisor? Resolve(string key)
    {
        if (key == RuleSource.WorkingCopyKey) return workingCopy.Current.Advisor;
        var file = PackFiles().FirstOrDefault(f => Path.GetFileName(f) == key);
        return file is null ? null : Load(file).Pack?.Advisor;
    }

    private IEnumerable<string> PackFiles() =>
        Directory.Exists(workingCopy.PacksDirectory)
            ? Directory.EnumerateFiles(workingCopy.PacksDirectory).Where(PackFormat.IsPackFile).Order(StringComparer.Ordinal)
            : [];

    private (RulePack? Pack, string? Problem) Load(string file)
    {
        var stamp = File.GetLastWriteTimeUtc(file);
        if (_packs.TryGetValue(file, out var cached) && cached.Stamp == stamp) return (cached.Pack, cached.Problem);
        (RulePack? Pack, string? Problem) loaded;
        var keys = Directory.EnumerateFiles(workingCopy.PacksDirectory, "*.pub.pem").Order(StringComparer.Ordinal).ToArray();
        try
        {
            loaded = keys.Length == 0
                ? (null, "no public key in the packs folder to verify its signature")
                : (RulePack.Load(file, PackTrust.SignedByKeyFiles(keys)), null);
        }
        catch (Exception e) when (e is PackException or IOException or ArgumentException)
        {
            loaded = (null, e.Message);
        }
        _packs[file] = (stamp, loaded.Pack, loaded.Problem);
        return loaded;
    }
}
