using System.Text;
using System.Text.Json.Nodes;
using CtoRules.Fuzz.Fuzzing;
using CtoRules.Packs;
using CtoRules.Packs.Canonical;
using CtoRules.Packs.Signing;

namespace CtoRules.Fuzz.Targets;

/// <summary>
/// The pack loader (<see cref="RulePack.Load(Stream, PackTrust, string)"/>). Raw mutations mostly
/// stop at the JSON, digest or signature checks; the structure-aware half mutates one value inside
/// a small pack and recomputes its digest, so the content and rule-set checks behind the digest are
/// reached too. Only <see cref="PackException"/>s may leave the loader.
/// </summary>
public sealed class PackTarget : FuzzTarget
{
    private static readonly string[] KeepReferences = ["eurocto-2023", "morino-2011"];
    private readonly Lazy<byte[]> _mini = new(MiniPack);
    private readonly Lazy<PackTrust> _signed = new(() => PackTrust.SignedByKeyFiles(Directory.GetFiles(RepoFiles.Path("packs"), "*.pub.pem")));
    private readonly Mutator _mutator;

    public PackTarget() => _mutator = new Mutator(Dictionary);

    public override string Name => "pack";

    public override string Description => "pack loader: JSON, format, digest, signature, content and rule set";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "\"format\"", "\"ctorules/pack@1\"", "\"ctorules/pack@2\"", "\"digest\"", "\"sha256:", "\"manifest\"", "\"engineFormatVersion\": 1", "\"engineFormatVersion\": 2",
        "\"ruleCount\"", "\"rules\"", "\"scores\"", "\"references\"", "\"signature\"", "\"algorithm\"", "\"keyId\"", "\"value\"", "\"source\"", "\"path\"",
        "\"version\"", "\"id\"", "\"ECDSA-P256-SHA256\"", "{}", "[]", "null", "\"\\ud800\"", "1e400", "---\n", "when: ", "derives: ",
    ];

    public override IEnumerable<byte[]> BuiltSeeds() => [_mini.Value];

    public override byte[]? Generate(Random random)
    {
        var pack = JsonNode.Parse(_mini.Value)!.AsObject();
        var strings = Values(pack).Where(v => v.GetPath() is not "$.digest").ToList();
        var target = strings[random.Next(strings.Count)];
        var mutated = Encoding.UTF8.GetString(_mutator.Mutate(Encoding.UTF8.GetBytes(target.ToString()), [], random, 16 * 1024));
        var parent = target.Parent!;
        JsonNode replacement = random.Next(4) == 0 && double.TryParse(mutated, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? JsonValue.Create(n) : JsonValue.Create(mutated);
        if (parent is JsonObject o) o[target.GetPropertyName()] = replacement;
        else if (parent is JsonArray a) a[target.GetElementIndex()] = replacement;
        try
        {
            pack["digest"] = CanonicalJson.Digest(PackSerializer.ContentOf(pack));
        }
        catch (CanonicalJsonException)
        {
            // No canonical form (a lone surrogate, a number out of range): the loader must say so.
        }
        return Encoding.UTF8.GetBytes(pack.ToJsonString());
    }

    private static IEnumerable<JsonValue> Values(JsonNode? node) => node switch
    {
        JsonValue v => [v],
        JsonObject o => o.SelectMany(p => Values(p.Value)),
        JsonArray a => a.SelectMany(Values),
        _ => [],
    };

    public override string Run(byte[] input)
    {
        var trust = input.AsSpan().IndexOf("\"signature\""u8) >= 0 ? _signed.Value : PackTrust.DigestOnly;
        try
        {
            var pack = RulePack.Load(new MemoryStream(input), trust, "fuzz.ctopack.json");
            return pack.RuleSet.Rules.Length > 0 ? "loaded" : "loaded-empty";
        }
        catch (PackException e)
        {
            if (!e.Message.StartsWith("fuzz.ctopack.json: ", StringComparison.Ordinal))
                throw new InvalidOperationException("a pack error that does not name the pack: " + e.Message, e);
            var reason = e.Reason.Length > 40 ? e.Reason[..40] : e.Reason;
            return e.GetType().Name + ": " + new string(reason.TakeWhile(c => c is not (':' or '\'' or '"') && !char.IsDigit(c)).ToArray());
        }
    }

    /// <summary>
    /// The newest committed pack cut down to its derived facts and the J-CTO score (a few KiB, so
    /// that a load takes well under a millisecond), unsigned, with its digest recomputed.
    /// </summary>
    private static byte[] MiniPack()
    {
        var newest = Directory.GetFiles(RepoFiles.Path("packs"), "*" + PackFormat.Extension).Order(StringComparer.Ordinal).Last();
        var pack = JsonNode.Parse(File.ReadAllText(newest))!.AsObject();
        var rules = pack["rules"]!.AsArray().Where(r => (string)r!["path"]! is var p && (p.StartsWith("rules/derived/derived.crossing", StringComparison.Ordinal) || p.StartsWith("rules/scores/J-CTO/", StringComparison.Ordinal)))
            .Select(r => r!.DeepClone()).ToArray();
        pack["rules"] = new JsonArray(rules);
        pack["scores"] = new JsonArray(pack["scores"]!.AsArray().Where(s => (string)s!["name"]! == "J-CTO").Select(s => s!.DeepClone()).ToArray());
        pack["manifest"]!["ruleCount"] = rules.Length;
        var references = pack["references"]!.AsObject();
        var entries = ("\n" + (string)references["source"]!).Split("\n- key: ").Skip(1)
            .Where(e => KeepReferences.Any(k => e.StartsWith(k + "\n", StringComparison.Ordinal))).Select(e => "- key: " + e.TrimEnd() + "\n");
        references["source"] = string.Concat(entries);
        references["keys"] = new JsonArray([.. KeepReferences.Select(k => JsonValue.Create(k))]);
        pack.Remove("signature");
        pack["digest"] = CanonicalJson.Digest(PackSerializer.ContentOf(pack));
        return Encoding.UTF8.GetBytes(CanonicalJson.ToText(pack, indented: true));
    }
}
