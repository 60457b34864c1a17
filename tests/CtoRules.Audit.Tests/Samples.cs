using System.Text.Json.Nodes;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Replay;
using CtoRules.Cases;
using CtoRules.Packs;
using CtoRules.Packs.Canonical;

namespace CtoRules.Audit.Tests;

/// <summary>Real cases evaluated on the real published pack of the repository.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("run the tests inside the repository");
    }

    public static PackLibrary Packs { get; } = new(Path.Combine(Root, "packs"));

    public static RulePack Pack => Packs.Newest() ?? throw new InvalidOperationException("no published pack in packs/");

    /// <summary>A wire crossed extraplaque, eccentric calcium, an NC balloon that does not expand (samples/cases/tour-prep-extraplaque.yaml).</summary>
    public static string CaseJson(string id = "audit-prep") => $$$"""
        {"schema":"ctorules/case@1","id":"{{{id}}}","lesion":{"vessel":"RCA","calcification":"severe","lengthMm":30,"stump":"blunt","bendOver45":false,"previousFailedAttempt":false},"ivus":{"calciumDistribution":"eccentric","calciumDepth":"superficial","calciumArcDeg":200},"procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"extraplaque","deviceCrossing":"crossed","balloonExpansion":"incomplete"}}
        """;

    public static AuditEntry Entry(string id = "audit-prep", string caller = "apikey:test", string channel = "api")
    {
        var json = CaseJson(id);
        var read = CaseReader.ReadJson(json);
        return new AuditEntry(caller, channel, json, Pack.Evaluate(read.Case!));
    }

    /// <summary>
    /// Another pack: the newest shipped one with its patch version raised and without the rule <paramref name="dropRule"/>
    /// (unsigned, so load it with digest-only trust from its own folder).
    /// </summary>
    public static string WriteOtherPack(string folder, string dropRule = "prep.extraplaque.avoid-atherectomy")
    {
        var pack = (JsonObject)JsonNode.Parse(File.ReadAllText(Pack.File))!;
        var content = PackSerializer.ContentOf(pack);
        var rules = (JsonArray)content["rules"]!;
        var drop = rules.First(r => (string)r!["id"]! == dropRule);
        rules.Remove(drop);
        var version = (string)content["manifest"]!["version"]!;
        var parts = version.Split('.');
        var next = $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 1}";
        content["manifest"]!["version"] = next;
        content["manifest"]!["ruleCount"] = rules.Count;
        content["manifest"]!["changelog"] = null;
        content["ruleset"]!["source"] = ((string)content["ruleset"]!["source"]!).Replace($"version: {version}", $"version: {next}");
        content["digest"] = CanonicalJson.Digest(content);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"eurocto-calcified-cto-{next}" + PackFormat.Extension);
        File.WriteAllText(path, CanonicalJson.ToText(content, indented: true));
        return path;
    }
}
