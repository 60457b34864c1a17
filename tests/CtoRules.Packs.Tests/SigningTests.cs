using System.Security.Cryptography;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests;

public class SigningTests
{
    private const string Digest = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Signs_the_digest_and_verifies_with_the_public_key_only()
    {
        using var key = PackKeys.Create();
        var signature = PackKeys.Sign(Digest, key);
        signature.Algorithm.Should().Be("ECDSA-P256-SHA256");
        signature.KeyId.Should().Be(PackKeys.KeyId(key)).And.MatchRegex("^sha256:[0-9a-f]{64}$");

        var pub = PackPublicKey.FromPem(PackKeys.ExportPublicPem(key));
        pub.KeyId.Should().Be(signature.KeyId);
        pub.Verifies(PackKeys.DigestBytes(Digest), Convert.FromBase64String(signature.Value)).Should().BeTrue();
        pub.Verifies(PackKeys.DigestBytes(Digest.Replace("9f86", "9f87")), Convert.FromBase64String(signature.Value)).Should().BeFalse();
    }

    [Fact]
    public void Private_keys_round_trip_through_PEM()
    {
        using var key = PackKeys.Create();
        var pem = PackKeys.ExportPrivatePem(key);
        pem.Should().StartWith("-----BEGIN PRIVATE KEY-----");
        using var again = PackKeys.ImportPrivatePem(pem);
        PackKeys.KeyId(again).Should().Be(PackKeys.KeyId(key));
        PackKeys.ExportPublicPem(key).Should().StartWith("-----BEGIN PUBLIC KEY-----");
    }

    [Fact]
    public void Only_P256_EC_keys_are_accepted()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        FluentActions.Invoking(() => PackPublicKey.FromPem(p384.ExportSubjectPublicKeyInfoPem())).Should().Throw<ArgumentException>().WithMessage("*not P-256*");
        FluentActions.Invoking(() => PackKeys.ImportPrivatePem(p384.ExportPkcs8PrivateKeyPem())).Should().Throw<ArgumentException>().WithMessage("*not P-256*");
        using var rsa = RSA.Create(2048);
        FluentActions.Invoking(() => PackPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem())).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => PackPublicKey.FromPem("not a key")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => PackTrust.SignedBy()).Should().Throw<ArgumentException>();
    }
}
