using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine;
using CtoRules.Language.Rules;
using CtoRules.Packs.Canonical;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs;

/// <summary>
/// A published rule pack, verified and ready to evaluate cases (docs/downstream.md).
/// <see cref="Load(string, PackTrust)"/> refuses a pack that cannot be read (<see cref="PackNotFoundException"/>),
/// whose digest does not match
/// (<see cref="PackIntegrityException"/>), whose signature the trust policy rejects
/// (<see cref="PackSignatureException"/>) or whose format this library does not know
/// (<see cref="UnsupportedPackFormatException"/>). Thread-safe: the rules are compiled once, on
/// first use, and shared by every evaluation.
/// </summary>
public sealed class RulePack
{
    private readonly Lazy<Advisor> _advisor;

    private RulePack(string file, PackContent content, string digest, PackSignature? signature, string? verifiedBy, RuleSet ruleSet)
    {
        File = file;
        Content = content;
        Digest = digest;
        Signature = signature;
        SignatureVerifiedBy = verifiedBy;
        RuleSet = ruleSet;
        _advisor = new Lazy<Advisor>(() => new Advisor(ruleSet), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The path the pack was read from, or the name given for a stream.</summary>
    public string File { get; }

    public PackManifest Manifest => Content.Manifest;
    public PackContent Content { get; }

    /// <summary><c>sha256:</c> of the canonical content; what advice@1 gives as <c>ruleSet.digest</c>.</summary>
    public string Digest { get; }

    public PackSignature? Signature { get; }

    /// <summary>The id of the trusted key the signature verified with; null when it was not checked.</summary>
    public string? SignatureVerifiedBy { get; }

    /// <summary>The rule set read from the pack, carrying the pack's digest as its published digest.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Evaluates cases with the pack's rules; compiled on first use, once per pack.</summary>
    public Advisor Advisor => _advisor.Value;

    /// <summary>Shorthand for <c>Advisor.Evaluate</c>.</summary>
    public AdviceDocument Evaluate(Case @case) => Advisor.Evaluate(@case);

    /// <summary>
    /// Loads a pack with the safe default policy, <see cref="PackTrust.Default"/>: a signature is
    /// required, and as no key is trusted every pack is refused with a message saying what to pass.
    /// </summary>
    public static RulePack Load(string path) => Load(path, PackTrust.Default);

    public static RulePack Load(string path, PackTrust trust)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(trust);
        // Read with a hard limit (devices report length 0) and refuse FIFOs before they block.
        var read = CtoRules.Inputs.InputFile.ReadBytes(path, PackFormat.MaxPackBytes);
        if (read.Error is { } error)
        {
            if (error.StartsWith("it is larger", StringComparison.Ordinal))
                throw new PackIntegrityException(path, $"the pack is larger than {PackFormat.MaxPackBytes / (1024 * 1024)} MiB");
            throw new PackNotFoundException(path, error == "no such file" ? "not found" : "cannot read the pack: " + error);
        }
        if (!PackFormat.IsPackFile(path))
            throw new UnsupportedPackFormatException(path, $"a pack file name ends in {PackFormat.Extension}");
        return SafeParse(read.Bytes!, trust, path);
    }

    public static RulePack Load(Stream stream, PackTrust trust, string name = "(stream)")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(trust);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > PackFormat.MaxPackBytes)
                throw new PackIntegrityException(name, $"the pack is larger than {PackFormat.MaxPackBytes / (1024 * 1024)} MiB");
        }
        return SafeParse(buffer.ToArray(), trust, name);
    }

    /// <summary>Only the documented PackExceptions leave the loader, whatever the bytes hold.</summary>
    private static RulePack SafeParse(byte[] bytes, PackTrust trust, string file)
    {
        try
        {
            return Parse(bytes, trust, file);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException or JsonException)
        {
            throw new PackIntegrityException(file, "the pack is damaged: " + e.Message);
        }
    }

    private static RulePack Parse(byte[] bytes, PackTrust trust, string file)
    {
        JsonObject pack;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            if (PackJsonCheck.FirstInvalidString(bytes) is { } bad)
                throw new PackIntegrityException(file, "the pack is not valid JSON: " + bad);
            pack = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new PackIntegrityException(file, "the pack is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            throw new PackIntegrityException(file, "the pack is not valid UTF-8 JSON: " + e.Message);
        }

        // Format first: a newer format may compute its digest differently.
        var format = pack["format"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
        if (format != PackFormat.FormatId)
            throw new UnsupportedPackFormatException(file, $"format '{format ?? "(none)"}' is not supported; this library reads {PackFormat.FormatId}");
        var engine = (pack["manifest"] as JsonObject)?["engineFormatVersion"];
        if (engine is not JsonValue ev || ev.GetValueKind() != JsonValueKind.Number || ev.ToJsonString() != PackFormat.EngineFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new UnsupportedPackFormatException(file,
                $"engine format version {engine?.ToJsonString() ?? "(none)"} is not supported; this library evaluates engine format version {PackFormat.EngineFormatVersion}");

        var stated = pack["digest"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null;
        if (stated is null) throw new PackIntegrityException(file, "the pack has no digest");
        string actual;
        try
        {
            actual = CanonicalJson.Digest(PackSerializer.ContentOf(pack));
        }
        catch (CanonicalJsonException e)
        {
            throw new PackIntegrityException(file, "the pack has no canonical form: " + e.Message);
        }
        if (!string.Equals(stated, actual, StringComparison.Ordinal))
            throw new PackIntegrityException(file, $"the content does not match the digest: the pack says {stated}, its content hashes to {actual}; it was altered after publishing");

        var signature = ReadSignature(pack, file);
        var verifiedBy = VerifySignature(signature, actual, trust, file);
        var content = PackContent.FromJson(pack, file);
        var ruleSet = ReadRuleSet(content, actual, file);
        return new RulePack(file, content, actual, signature, verifiedBy, ruleSet);
    }

    private static PackSignature? ReadSignature(JsonObject pack, string file)
    {
        if (pack["signature"] is null) return null;
        if (pack["signature"] is not JsonObject s
            || s["algorithm"]?.GetValueKind() != JsonValueKind.String || s["keyId"]?.GetValueKind() != JsonValueKind.String
            || s["value"]?.GetValueKind() != JsonValueKind.String)
            throw new PackSignatureException(file, "the signature block must have string fields algorithm, keyId and value");
        return new PackSignature(s["algorithm"]!.GetValue<string>(), s["keyId"]!.GetValue<string>(), s["value"]!.GetValue<string>());
    }

    private static string? VerifySignature(PackSignature? signature, string digest, PackTrust trust, string file)
    {
        if (!trust.RequireSignature) return null;
        if (trust.TrustedKeys.IsEmpty)
            throw new PackSignatureException(file, "no trusted public key was given: pass PackTrust.SignedBy(key) to require the publisher's signature, or PackTrust.DigestOnly to knowingly accept an unverified pack");
        if (signature is null) throw new PackSignatureException(file, "the pack is not signed, and the trust policy requires a signature");
        if (signature.Algorithm != PackFormat.SignatureAlgorithm)
            throw new PackSignatureException(file, $"signature algorithm '{signature.Algorithm}' is not supported (expected {PackFormat.SignatureAlgorithm})");
        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Value);
        }
        catch (FormatException)
        {
            throw new PackSignatureException(file, "the signature value is not valid base64");
        }
        var bytes = PackKeys.DigestBytes(digest);
        // Try the key the pack names first, then every other trusted key (the id is only a hint).
        foreach (var key in trust.TrustedKeys.OrderBy(k => k.KeyId == signature.KeyId ? 0 : 1))
            if (key.Verifies(bytes, value)) return key.KeyId;
        var named = trust.TrustedKeys.Any(k => k.KeyId == signature.KeyId)
            ? $"it does not verify with the trusted key {signature.KeyId} it names"
            : $"it names key {signature.KeyId}, which is not trusted, and verifies with none of the {trust.TrustedKeys.Length} trusted key(s)";
        throw new PackSignatureException(file, $"the signature is not valid: {named}");
    }

    private static RuleSet ReadRuleSet(PackContent content, string digest, string file)
    {
        var load = RuleSetReader.Load(content.ToSources());
        if (load.RuleSet is not { } set) throw new PackContentException(file, load.Diagnostics);
        var m = content.Manifest;
        if (set.Manifest.Id != m.Id || set.Manifest.Version != m.Version)
            throw new PackIntegrityException(file, $"the manifest says {m.Id} {m.Version} but its ruleset.yaml says {set.Manifest.Id} {set.Manifest.Version}");
        if (set.Rules.Length != m.RuleCount || set.Rules.Length != content.Rules.Length)
            throw new PackIntegrityException(file, $"the manifest counts {m.RuleCount} rules but the pack holds {set.Rules.Length}");
        foreach (var entry in content.Rules)
        {
            var rule = set.Rules.FirstOrDefault(r => r.Source.Path == entry.Path);
            if (rule is null || rule.Id != entry.Id || rule.Version != entry.Version)
                throw new PackIntegrityException(file, $"rules entry {entry.Path} says {entry.Id} v{entry.Version} but its source says {rule?.Id ?? "?"} v{rule?.Version}");
        }
        return new RuleSet
        {
            Manifest = set.Manifest,
            Rules = set.Rules,
            Scores = set.Scores,
            Bibliography = set.Bibliography,
            Sources = set.Sources,
            ContentDigest = set.ContentDigest,
            PublishedDigest = digest,
        };
    }
}
