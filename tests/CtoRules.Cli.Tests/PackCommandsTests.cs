using System.Diagnostics;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Cli.Tests;

/// <summary>keygen, publish, verify, evaluate --pack and diff on the real binary, in a copy of the knowledge base.</summary>
public class PackCommandsTests
{
    private static string Corpus => Path.Combine(Cli.RepoRoot, "tests", "corpus");

    private static string PackIn(string kb) =>
        Directory.GetFiles(Path.Combine(kb, "packs"), "*.ctopack.json").Should().ContainSingle().Subject;

    [Fact]
    public void Keygen_publish_verify_evaluate_and_diff_after_a_one_rule_edit()
    {
        var kb = Cli.CopyKnowledgeBase();
        var keys = Directory.CreateTempSubdirectory("ctorules-keys-").FullName;
        var keygen = Cli.RunIn(kb, "keygen", "--out", Path.Combine(keys, "signing.pem"));
        keygen.ExitCode.Should().Be(0, keygen.Err);
        keygen.Out.Should().Contain("key id      sha256:");
        File.Exists(Path.Combine(keys, "signing.pub.pem")).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(keys, "signing.pem")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var publish = Cli.RunIn(kb, "publish", "--key", Path.Combine(keys, "signing.pem"), "--corpus", Corpus);
        publish.ExitCode.Should().Be(0, publish.Out + publish.Err);
        publish.Out.Should().MatchRegex(@"published eurocto-calcified-cto \d+\.\d+\.\d+: packs/eurocto-calcified-cto-\d+\.\d+\.\d+\.ctopack\.json");
        publish.Out.Should().Contain("  signature ECDSA-P256-SHA256, key sha256:");
        var pack = PackIn(kb);

        var verify = Cli.RunIn(kb, "verify", pack, "--public-key", Path.Combine(keys, "signing.pub.pem"));
        verify.ExitCode.Should().Be(0, verify.Err);
        verify.Out.Should().Contain("(verified)").And.Contain("signature verified with trusted key sha256:");

        var again = Cli.RunIn(kb, "publish", "--corpus", Corpus);
        again.ExitCode.Should().Be(1);
        again.Err.Should().Contain("ctorules: publish refused:").And.Contain("already exists").And.Contain("never overwritten");

        var caseFile = Path.Combine(Cli.RepoRoot, "samples", "downstream", "case.json");
        var replay = Cli.RunIn(kb, "evaluate", caseFile, "--pack", pack, "--public-key", Path.Combine(keys, "signing.pub.pem"), "--format", "json");
        replay.ExitCode.Should().Be(0, replay.Err);
        var digest = RulePack.Load(pack, PackTrust.DigestOnly).Digest;
        replay.Out.Should().Contain($"\"digest\": \"{digest}\"");

        // One rule edited, without raising its version.
        static bool OneLineText(string l) => l.StartsWith("text: \"", StringComparison.Ordinal) && l.TrimEnd().EndsWith('"');
        var rule = Directory.GetFiles(Path.Combine(kb, "rules", "lesion-preparation"), "*.md").Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Split('\n').Any(OneLineText));
        var text = File.ReadAllText(rule);
        var textLine = text.Split('\n').First(OneLineText);
        File.WriteAllText(rule, text.Replace(textLine, "text: \"Reworded for the test.\""));

        var validate = Cli.RunIn(kb, "validate", "rules");
        validate.ExitCode.Should().Be(1);
        validate.Out.Should().MatchRegex(@"\(3,10\): error CTO1021: rule '[^']+' differs from the published eurocto-calcified-cto [0-9.]+ \(version \d+\) but keeps version \d+; raise its version");

        var diff = Cli.RunIn(kb, "diff", pack, "rules/", "--corpus", Corpus);
        diff.ExitCode.Should().Be(0, diff.Err);
        diff.Out.Should().Contain("SUGGESTED BUMP: patch").And.Contain("SEMANTIC").And.Contain("      text: ")
            .And.Contain("TEXT").And.Contain("+text: \"Reworded for the test.\"").And.Contain("BEHAVIOUR on ");

        var markdown = Cli.RunIn(kb, "diff", pack, "rules/", "--corpus", Corpus, "--format", "markdown");
        markdown.Out.Should().Contain("**Suggested version bump: patch**").And.Contain("```diff");
        var json = Cli.RunIn(kb, "diff", pack, "rules/", "--corpus", Corpus, "--format", "json");
        System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("suggestion").GetProperty("bump").GetString().Should().Be("patch");
    }

    [Fact]
    public void A_tampered_pack_is_refused_by_verify_and_evaluate()
    {
        var kb = Cli.CopyKnowledgeBase();
        Cli.RunIn(kb, "publish", "--corpus", Corpus).ExitCode.Should().Be(0);
        var pack = PackIn(kb);
        File.WriteAllText(pack, File.ReadAllText(pack).Replace("\"ruleCount\": ", "\"ruleCount\": 1"));
        var verify = Cli.RunIn(kb, "verify", pack);
        verify.ExitCode.Should().Be(1);
        verify.Err.Should().Contain("ctorules: pack refused (integrity): ").And.Contain("the content does not match the digest");
        var evaluate = Cli.RunIn(kb, "evaluate", Path.Combine(Cli.RepoRoot, "samples", "downstream", "case.json"), "--pack", pack);
        evaluate.ExitCode.Should().Be(1);
        evaluate.Err.Should().NotContain("   at ");
    }

    [Fact]
    public void A_publish_killed_mid_write_leaves_no_pack()
    {
        var kb = Cli.CopyKnowledgeBase();
        var packs = Path.Combine(kb, "packs");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = kb,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ctorules.dll"));
        foreach (var a in new[] { "publish", "--corpus", Corpus }) psi.ArgumentList.Add(a);
        psi.Environment["CTORULES_TEST_PUBLISH_DELAY_MS"] = "60000";
        using (var p = Process.Start(psi)!)
        {
            try
            {
                // Wait until the temporary file is written and the publisher is paused before the rename.
                var deadline = DateTime.UtcNow.AddMinutes(2);
                // The file exists as soon as it is created, before its bytes are written and flushed.
                while (!(Directory.Exists(packs) && Directory.GetFiles(packs, "*.tmp") is [var written] && new FileInfo(written).Length > 0))
                {
                    p.HasExited.Should().BeFalse("publish should pause before renaming; stderr: " + (p.HasExited ? p.StandardError.ReadToEnd() : ""));
                    DateTime.UtcNow.Should().BeBefore(deadline, "the temporary pack file should appear");
                    Thread.Sleep(50);
                }
            }
            finally
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
        }

        Directory.GetFiles(packs, "*.ctopack.json").Should().BeEmpty("the rename never happened, so there is no pack");
        Directory.GetFiles(packs).Should().ContainSingle().Which.Should().EndWith(".tmp");
        Authoring.Versioning.PackCatalog.List(packs, "eurocto-calcified-cto").Should().BeEmpty("a temporary file is never taken for a pack");

        // The leftover does not stand in the way of publishing again.
        var publish = Cli.RunIn(kb, "publish", "--corpus", Corpus);
        publish.ExitCode.Should().Be(0, publish.Err);
        Directory.GetFiles(packs, "*.ctopack.json").Should().ContainSingle();
    }
}
