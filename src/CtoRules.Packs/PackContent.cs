using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Language.Rules;
using CtoRules.Packs.Canonical;

namespace CtoRules.Packs;

/// <summary>One rule of a pack: its id and version (for people and diffs) and its full source.</summary>
public sealed record PackRule(string Id, int Version, string Path, string Source);

/// <summary>A score definition of a pack (<c>rules/scores/&lt;name&gt;.yaml</c>).</summary>
public sealed record PackScore(string Name, string Path, string Source);

/// <summary>The bibliography entries the rules and scores cite, as a bibliography file.</summary>
public sealed record PackReferences(string Path, ImmutableArray<string> Keys, string Source);

/// <summary>
/// Everything a pack's digest covers: the manifest and every source the rule set is read from
/// (docs/packs.md). Sources are kept verbatim but for newlines, which are LF.
/// </summary>
public sealed record PackContent(
    PackManifest Manifest,
    string RuleSetSource,
    ImmutableArray<PackRule> Rules,
    ImmutableArray<PackScore> Scores,
    PackReferences References)
{
    /// <summary>The sources with their logical paths, ready for <see cref="RuleSetReader.Load"/>.</summary>
    public IEnumerable<SourceFile> ToSources()
    {
        yield return new SourceFile(RuleSetReader.ManifestPath, RuleSetSource);
        foreach (var r in Rules) yield return new SourceFile(r.Path, r.Source);
        foreach (var s in Scores) yield return new SourceFile(s.Path, s.Source);
        yield return new SourceFile(References.Path, References.Source);
    }

    /// <summary>The JSON of the content: what the digest is computed over.</summary>
    public JsonObject ToJson()
    {
        var m = Manifest;
        var manifest = new JsonObject
        {
            ["id"] = m.Id,
            ["version"] = m.Version,
            ["title"] = m.Title,
            ["engineFormatVersion"] = m.EngineFormatVersion,
            ["created"] = m.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["ruleCount"] = m.RuleCount,
            ["changelog"] = m.Changelog is null ? null : new JsonObject
            {
                ["version"] = m.Changelog.Version,
                ["date"] = m.Changelog.Date,
                ["changes"] = new JsonArray([.. m.Changelog.Changes.Select(c => (JsonNode?)c)]),
            },
        };
        if (m.Forced is { } f)
            manifest["forced"] = new JsonObject { ["reason"] = f.Reason, ["suggestedBump"] = f.SuggestedBump, ["suggestedVersion"] = f.SuggestedVersion };
        return new JsonObject
        {
            ["format"] = PackFormat.FormatId,
            ["manifest"] = manifest,
            ["ruleset"] = new JsonObject { ["path"] = RuleSetReader.ManifestPath, ["source"] = Norm(RuleSetSource) },
            ["rules"] = new JsonArray([.. Rules.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["version"] = r.Version, ["path"] = r.Path, ["source"] = Norm(r.Source) })]),
            ["scores"] = new JsonArray([.. Scores.Select(s => (JsonNode?)new JsonObject { ["name"] = s.Name, ["path"] = s.Path, ["source"] = Norm(s.Source) })]),
            ["references"] = new JsonObject
            {
                ["path"] = References.Path,
                ["keys"] = new JsonArray([.. References.Keys.Select(k => (JsonNode?)k)]),
                ["source"] = Norm(References.Source),
            },
        };
    }

    /// <summary>The digest of this content (<c>sha256:</c> + hex of its canonical bytes).</summary>
    public string ComputeDigest() => CanonicalJson.Digest(ToJson());

    private static string Norm(string text) => CanonicalJson.NormalizeNewlines(text);

    /// <summary>
    /// Reads the content of a pack whose format is supported. A missing or ill-typed field, or a
    /// source path outside the layout of a rule set, is a <see cref="PackIntegrityException"/>.
    /// </summary>
    public static PackContent FromJson(JsonObject pack, string file)
    {
        var reader = new Reader(file);
        var m = reader.Object(pack, "manifest");
        var changelog = m["changelog"] is JsonObject c
            ? new PackChangelogEntry(reader.String(c, "changelog.version"), reader.OptionalString(c, "changelog.date"),
                [.. reader.Array(c, "changelog.changes").Select((n, i) => reader.Str(n, $"manifest.changelog.changes[{i}]"))])
            : null;
        var forced = m["forced"] is JsonObject fo
            ? new PackForcedPublish(reader.String(fo, "forced.reason"), reader.String(fo, "forced.suggestedBump"), reader.String(fo, "forced.suggestedVersion"))
            : null;
        var createdText = reader.String(m, "created");
        if (!DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
            throw reader.Fail($"manifest.created: '{createdText}' is not a timestamp");
        var manifest = new PackManifest(
            reader.String(m, "id"), reader.String(m, "version"), reader.String(m, "title"),
            reader.Integer(m, "engineFormatVersion"), created.ToUniversalTime(), reader.Integer(m, "ruleCount"), changelog, forced);

        var ruleset = reader.Object(pack, "ruleset");
        if (reader.String(ruleset, "path") != RuleSetReader.ManifestPath) throw reader.Fail($"ruleset.path must be {RuleSetReader.ManifestPath}");

        var paths = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<PackRule>();
        foreach (var (node, i) in reader.Array(pack, "rules").Select((n, i) => (n, i)))
        {
            if (node is not JsonObject r) throw reader.Fail($"rules[{i}] must be an object");
            var path = reader.String(r, $"rules[{i}].path", "path");
            if (!IsRulePath(path) || !paths.Add(path)) throw reader.Fail($"rules[{i}].path: '{path}' is not a rule file path, or is listed twice");
            rules.Add(new PackRule(reader.String(r, $"rules[{i}].id", "id"), reader.Integer(r, "version"), path, reader.String(r, $"rules[{i}].source", "source")));
        }
        var scores = new List<PackScore>();
        foreach (var (node, i) in reader.Array(pack, "scores").Select((n, i) => (n, i)))
        {
            if (node is not JsonObject s) throw reader.Fail($"scores[{i}] must be an object");
            var path = reader.String(s, $"scores[{i}].path", "path");
            if (!IsScorePath(path) || !paths.Add(path)) throw reader.Fail($"scores[{i}].path: '{path}' is not a score definition path, or is listed twice");
            scores.Add(new PackScore(reader.String(s, $"scores[{i}].name", "name"), path, reader.String(s, $"scores[{i}].source", "source")));
        }
        var refs = reader.Object(pack, "references");
        if (reader.String(refs, "path") != RuleSetReader.BibliographyPath) throw reader.Fail($"references.path must be {RuleSetReader.BibliographyPath}");
        var keys = reader.Array(refs, "references.keys").Select((n, i) => reader.Str(n, $"references.keys[{i}]")).ToImmutableArray();
        return new PackContent(manifest, reader.String(ruleset, "ruleset.source", "source"), [.. rules], [.. scores],
            new PackReferences(RuleSetReader.BibliographyPath, keys, reader.String(refs, "references.source", "source")));
    }

    private static bool IsRulePath(string path) =>
        path.StartsWith("rules/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal) && SafePath(path);

    private static bool IsScorePath(string path) =>
        path.StartsWith("rules/scores/", StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal)
        && path.Count(ch => ch == '/') == 2 && SafePath(path);

    private static bool SafePath(string path) =>
        !path.Split('/').Any(p => p is "" or "." or "..") && !path.Contains('\\') && !path.Any(char.IsControl);

    /// <summary>Typed access to the pack's JSON; every problem names the field.</summary>
    private sealed class Reader(string file)
    {
        public PackIntegrityException Fail(string message) => new(file, $"the pack is malformed: {message}");

        public JsonObject Object(JsonObject o, string name) =>
            o[name] as JsonObject ?? throw Fail($"'{name}' must be an object");

        public JsonArray Array(JsonObject o, string label)
        {
            var name = label[(label.LastIndexOf('.') + 1)..];
            return o[name] as JsonArray ?? throw Fail($"'{label}' must be a list");
        }

        public string String(JsonObject o, string label, string? name = null)
        {
            name ??= label[(label.LastIndexOf('.') + 1)..];
            return Str(o[name], label);
        }

        public string? OptionalString(JsonObject o, string label) =>
            o[label[(label.LastIndexOf('.') + 1)..]] is null ? null : String(o, label);

        public string Str(JsonNode? n, string label) =>
            n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail($"'{label}' must be a string");

        public int Integer(JsonObject o, string name) =>
            o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && int.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? i : throw Fail($"'{name}' must be an integer");
    }
}
