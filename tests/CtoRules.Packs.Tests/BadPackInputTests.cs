using System.Diagnostics;
using CtoRules.Authoring.Tests;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests;

/// <summary>Rows of docs/bad-inputs.md for packs: RulePack.Load throws only its documented exceptions.</summary>
public sealed class BadPackInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-badpack-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_lone_surrogate_escape_in_a_pack_is_a_PackIntegrityException()
    {
        var kb = new TestKb();
        kb.Publish().Refusals.Should().BeEmpty();
        var text = File.ReadAllText(kb.PackPath());
        var at = text.IndexOf("\"title\": \"", StringComparison.Ordinal) + "\"title\": \"".Length;
        var path = Path.Combine(_dir, "s.ctopack.json");
        File.WriteAllText(path, text[..at] + "\\ud800" + text[at..]);
        FluentActions.Invoking(() => RulePack.Load(path, PackTrust.DigestOnly)).Should().Throw<PackIntegrityException>()
            .Which.Reason.Should().StartWith("the pack is not valid JSON: a string at byte offset ").And.EndWith(" has an invalid \\u escape (a lone UTF-16 surrogate)");
    }

    [Fact]
    public void A_missing_pack_is_not_found()
    {
        var path = Path.Combine(_dir, "nope.ctopack.json");
        FluentActions.Invoking(() => RulePack.Load(path, PackTrust.DigestOnly)).Should().Throw<PackNotFoundException>()
            .Which.Message.Should().Be($"{path}: not found");
    }

    [Fact]
    public void A_fifo_named_like_a_pack_is_refused_without_blocking()
    {
        var path = Path.Combine(_dir, "pipe.ctopack.json");
        using (var mk = Process.Start("mkfifo", path)) mk.WaitForExit();
        FluentActions.Invoking(() => RulePack.Load(path, PackTrust.DigestOnly)).Should().Throw<PackNotFoundException>()
            .Which.Reason.Should().Be("cannot read the pack: it is not a regular file (it is a FIFO)");
    }

    [Fact]
    public void The_default_trust_policy_refuses_a_pack_it_cannot_verify()
    {
        var kb = new TestKb();
        kb.Publish(key: PackKeys.Create()).Refusals.Should().BeEmpty();
        FluentActions.Invoking(() => RulePack.Load(kb.PackPath())).Should().Throw<PackSignatureException>()
            .Which.Reason.Should().Be("no trusted public key was given: pass PackTrust.SignedBy(key) to require the publisher's signature, or PackTrust.DigestOnly to knowingly accept an unverified pack");
    }

    [Fact]
    public void A_private_key_given_as_the_trusted_public_key_is_refused()
    {
        using var key = PackKeys.Create();
        var pem = key.ExportPkcs8PrivateKeyPem();
        FluentActions.Invoking(() => PackPublicKey.FromPem(pem)).Should().Throw<ArgumentException>()
            .WithMessage("this is a private key; give the public key (.pub.pem) and keep the private key secret*");
    }
}
