using System.Text.Json.Nodes;
using CtoRules.Authoring.Tests;
using CtoRules.Packs.Canonical;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests;

/// <summary>A pack altered in any way is refused, each kind of problem with its own exception.</summary>
public class TamperTests
{
    private readonly TestKb _kb = new();
    private readonly System.Security.Cryptography.ECDsa _key = PackKeys.Create();
    private readonly string _pack;
    private readonly PackTrust _signed;

    public TamperTests()
    {
        _kb.Publish(key: _key).Refusals.Should().BeEmpty();
        _pack = _kb.PackPath();
        _signed = PackTrust.SignedBy(PackPublicKey.FromPem(PackKeys.ExportPublicPem(_key)));
    }

    private string Text => File.ReadAllText(_pack);

    /// <summary>A copy of the pack with <paramref name="from"/> replaced (exactly once) by <paramref name="to"/>.</summary>
    private string Altered(string from, string to)
    {
        var text = Text;
        var at = text.IndexOf(from, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the pack contains '{from}'");
        return Save(text[..at] + to + text[(at + from.Length)..]);
    }

    private string Save(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ctorules-tamper-").FullName, Path.GetFileName(_pack));
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_untouched_pack_loads_with_signature_and_digest_only_trust()
    {
        RulePack.Load(_pack, _signed).SignatureVerifiedBy.Should().Be(PackKeys.KeyId(_key));
        RulePack.Load(_pack, PackTrust.DigestOnly).SignatureVerifiedBy.Should().BeNull();
    }

    [Fact]
    public void One_byte_changed_in_a_rule_is_an_integrity_failure()
    {
        var path = Altered("kind: avoid", "kind: avoiD");
        var e = FluentActions.Invoking(() => RulePack.Load(path, PackTrust.DigestOnly)).Should().Throw<PackIntegrityException>().Which;
        e.Message.Should().StartWith(path + ": the content does not match the digest: the pack says sha256:").And.Contain("it was altered after publishing");
    }

    [Fact]
    public void A_changed_manifest_field_is_an_integrity_failure()
    {
        FluentActions.Invoking(() => RulePack.Load(Altered("\"ruleCount\": 5", "\"ruleCount\": 6"), _signed)).Should().Throw<PackIntegrityException>();
        FluentActions.Invoking(() => RulePack.Load(Altered("\"created\": \"2026-11-25T12:00:00Z\"", "\"created\": \"2026-11-25T12:00:01Z\""), _signed))
            .Should().Throw<PackIntegrityException>();
    }

    [Fact]
    public void One_byte_changed_in_the_signature_is_a_signature_failure()
    {
        var json = JsonNode.Parse(Text)!.AsObject();
        var value = Convert.FromBase64String(json["signature"]!["value"]!.GetValue<string>());
        value[^5] ^= 0x01;
        json["signature"]!["value"] = Convert.ToBase64String(value);
        var path = Save(CanonicalJson.ToText(json, indented: true));
        FluentActions.Invoking(() => RulePack.Load(path, _signed)).Should().Throw<PackSignatureException>()
            .WithMessage("*the signature is not valid: it does not verify with the trusted key sha256:* it names");
    }

    [Fact]
    public void Content_altered_with_a_recomputed_digest_passes_the_digest_but_not_the_signature()
    {
        var json = JsonNode.Parse(Text)!.AsObject();
        json["manifest"]!["title"] = "Forged";
        json["digest"] = CanonicalJson.Digest(PackSerializer.ContentOf(json));
        var path = Save(CanonicalJson.ToText(json, indented: true));
        RulePack.Load(path, PackTrust.DigestOnly).Manifest.Title.Should().Be("Forged", "a digest alone proves integrity, not origin");
        FluentActions.Invoking(() => RulePack.Load(path, _signed)).Should().Throw<PackSignatureException>();
    }

    [Fact]
    public void A_pack_signed_by_another_key_or_unsigned_is_refused_when_a_signature_is_required()
    {
        using var other = PackKeys.Create();
        var otherTrust = PackTrust.SignedBy(PackPublicKey.FromPem(PackKeys.ExportPublicPem(other)));
        FluentActions.Invoking(() => RulePack.Load(_pack, otherTrust)).Should().Throw<PackSignatureException>()
            .WithMessage("*which is not trusted, and verifies with none of the 1 trusted key(s)");

        var json = JsonNode.Parse(Text)!.AsObject();
        json.Remove("signature");
        var unsigned = Save(CanonicalJson.ToText(json, indented: true));
        RulePack.Load(unsigned, PackTrust.DigestOnly).Signature.Should().BeNull();
        FluentActions.Invoking(() => RulePack.Load(unsigned, _signed)).Should().Throw<PackSignatureException>()
            .WithMessage("*the pack is not signed, and the trust policy requires a signature");
    }

    [Fact]
    public void An_unknown_format_or_engine_format_version_is_unsupported()
    {
        FluentActions.Invoking(() => RulePack.Load(Altered("\"format\": \"ctorules/pack@1\"", "\"format\": \"ctorules/pack@2\""), PackTrust.DigestOnly))
            .Should().Throw<UnsupportedPackFormatException>().WithMessage("*format 'ctorules/pack@2' is not supported; this library reads ctorules/pack@1");
        FluentActions.Invoking(() => RulePack.Load(Altered("\"engineFormatVersion\": 1", "\"engineFormatVersion\": 2"), PackTrust.DigestOnly))
            .Should().Throw<UnsupportedPackFormatException>().WithMessage("*engine format version 2 is not supported*");
    }

    [Fact]
    public void Not_JSON_is_an_integrity_failure_and_a_temporary_file_is_not_a_pack()
    {
        FluentActions.Invoking(() => RulePack.Load(Save(Text[..(Text.Length / 2)]), PackTrust.DigestOnly)).Should().Throw<PackIntegrityException>()
            .WithMessage("*not valid UTF-8 JSON*");
        var tmp = _pack + ".0123.tmp";
        File.Copy(_pack, tmp);
        FluentActions.Invoking(() => RulePack.Load(tmp, PackTrust.DigestOnly)).Should().Throw<UnsupportedPackFormatException>();
        Authoring.Versioning.PackCatalog.List(_kb.Packs, "test-kb").Should().ContainSingle(p => p.Path == _pack);
    }

    [Fact]
    public void Relaying_out_the_file_changes_nothing_that_is_verified()
    {
        // Key order, indentation and CRLF line endings of the file are not part of the canonical form.
        var json = JsonNode.Parse(Text)!.AsObject();
        var reordered = new JsonObject();
        foreach (var (k, v) in json.Reverse().ToList()) { json.Remove(k); reordered[k] = v; }
        var path = Save(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n"));
        RulePack.Load(path, _signed).Digest.Should().Be(RulePack.Load(_pack, _signed).Digest);
    }

    [Fact]
    public void Parts_that_contradict_each_other_are_refused_even_with_a_matching_digest()
    {
        // A forger who recomputes the digest still cannot make the listed ids, versions and paths disagree with the sources.
        string Forge(Action<JsonObject> change)
        {
            var json = JsonNode.Parse(Text)!.AsObject();
            json.Remove("signature");
            change(json);
            json["digest"] = CanonicalJson.Digest(PackSerializer.ContentOf(json));
            return Save(CanonicalJson.ToText(json, indented: true));
        }
        FluentActions.Invoking(() => RulePack.Load(Forge(j => j["rules"]![0]!["version"] = 7), PackTrust.DigestOnly))
            .Should().Throw<PackIntegrityException>().WithMessage("*rules entry rules/* says * v7 but its source says * v1");
        FluentActions.Invoking(() => RulePack.Load(Forge(j => j["rules"]![0]!["path"] = "rules/../outside.md"), PackTrust.DigestOnly))
            .Should().Throw<PackIntegrityException>().WithMessage("*is not a rule file path*");
        FluentActions.Invoking(() => RulePack.Load(Forge(j => j["manifest"]!["version"] = "9.9.9"), PackTrust.DigestOnly))
            .Should().Throw<PackIntegrityException>().WithMessage("*the manifest says test-kb 9.9.9 but its ruleset.yaml says test-kb 1.0.0");
        FluentActions.Invoking(() => RulePack.Load(Forge(j => j.Remove("rules")), PackTrust.DigestOnly))
            .Should().Throw<PackIntegrityException>().WithMessage("*the pack is malformed: 'rules' must be a list");
    }
}
