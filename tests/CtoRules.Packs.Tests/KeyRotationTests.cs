using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests;

/// <summary>
/// The 1.0.0 signing key was lost and rotated (docs/packs.md, "Key rotation"): 1.0.0 stays signed
/// by the first key, 2.0.0 on is signed by the new one, and a downstream app that pins both
/// committed public keys loads every published pack, each only with its own key.
/// </summary>
public class KeyRotationTests
{
    private static string Packs => Path.Combine(RoundTripTests.RepoRoot, "packs");

    private static string Pack(string version) => Path.Combine(Packs, $"eurocto-calcified-cto-{version}.ctopack.json");

    private static readonly PackPublicKey First = PackPublicKey.FromFile(Path.Combine(Packs, "eurocto-calcified-cto.pub.pem"));
    private static readonly PackPublicKey Second = PackPublicKey.FromFile(Path.Combine(Packs, "eurocto-calcified-cto.2026-12.pub.pem"));

    [Fact]
    public void Each_pack_verifies_with_its_own_key_only()
    {
        RulePack.Load(Pack("1.0.0"), PackTrust.SignedBy(First)).Manifest.Version.Should().Be("1.0.0");
        RulePack.Load(Pack("2.0.0"), PackTrust.SignedBy(Second)).Manifest.Version.Should().Be("2.0.0");
        FluentActions.Invoking(() => RulePack.Load(Pack("1.0.0"), PackTrust.SignedBy(Second))).Should().Throw<PackSignatureException>();
        FluentActions.Invoking(() => RulePack.Load(Pack("2.0.0"), PackTrust.SignedBy(First))).Should().Throw<PackSignatureException>();
    }

    [Fact]
    public void A_loader_that_pins_both_committed_keys_trusts_every_published_pack()
    {
        var keys = Directory.GetFiles(Packs, "*.pub.pem").Order(StringComparer.Ordinal).ToArray();
        keys.Select(Path.GetFileName).Should().Equal("eurocto-calcified-cto.2026-12.pub.pem", "eurocto-calcified-cto.pub.pem");
        var trust = PackTrust.SignedByKeyFiles(keys);
        foreach (var version in new[] { "1.0.0", "2.0.0" })
            RulePack.Load(Pack(version), trust).Manifest.Version.Should().Be(version);
        First.KeyId.Should().NotBe(Second.KeyId, "the rotated key is a new key pair");
    }
}
