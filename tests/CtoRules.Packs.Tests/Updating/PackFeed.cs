using System.Security.Cryptography;
using CtoRules.Authoring.Tests;
using CtoRules.Cases;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests.Updating;

/// <summary>
/// A real publisher for the watcher tests: the small test rule set, a signing key, and real
/// signed packs published into a real folder. Each version after the first changes the IVL
/// advice text to name its version, so an advice shows which pack produced it.
/// </summary>
public sealed class PackFeed : IDisposable
{
    private int _ruleVersion = 1;

    public TestKb Kb { get; } = new();
    public ECDsa Key { get; } = PackKeys.Create();
    public PackPublicKey PublicKey => PackPublicKey.FromPem(PackKeys.ExportPublicPem(Key));
    public string Folder => Kb.Packs;

    /// <summary>A case the IVL rule fires for.</summary>
    public static Case IvlCase { get; } = CaseReader.ReadYaml("""
        schema: ctorules/case@1
        id: watcher
        lesion: { calcification: moderate, lengthMm: 15 }
        ivus: { calciumDistribution: eccentric, calciumDepth: superficial, calciumArcDeg: 200 }
        procedure: { stage: lesion-preparation, wireCrossed: true, tracking: intraplaque, deviceCrossing: crossed }
        """).Case!;

    public static string IvlText(string version) => version == "1.0.0" ? "Consider intravascular lithotripsy." : $"Consider intravascular lithotripsy ({version}).";

    /// <summary>Publishes <paramref name="version"/> signed with <paramref name="key"/> (the feed's key by default); returns the pack path.</summary>
    public string Publish(string version, ECDsa? key = null)
    {
        if (version != "1.0.0" || _ruleVersion > 1)
        {
            var text = File.ReadAllText(Path.Combine(Kb.Rules, "lesion-preparation", "ivl.md"));
            var from = System.Text.RegularExpressions.Regex.Match(text, "text: .*").Value;
            Kb.Edit("rules/lesion-preparation/ivl.md", from, "text: " + IvlText(version));
            Kb.Edit("rules/lesion-preparation/ivl.md", $"version: {_ruleVersion}", $"version: {_ruleVersion + 1}");
            _ruleVersion++;
            Kb.SetVersion(version);
        }
        var result = Kb.Publish(key: key ?? Key, force: "test feed: any version");
        result.Refusals.Should().BeEmpty();
        return result.PackPath!;
    }

    /// <summary>Changes one character of a published pack's rule text in place, as an attacker or a damaged copy would.</summary>
    public void Tamper(string packPath)
    {
        var text = File.ReadAllText(packPath);
        var at = text.IndexOf("lithotripsy", StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        File.WriteAllText(packPath, text[..at] + "Lithotripsy" + text[(at + "lithotripsy".Length)..]);
    }

    public void Dispose() => Key.Dispose();
}
