using System.Text.Json.Nodes;

namespace CtoRules.Cli.Tests;

/// <summary>A working copy with exactly a published pack's content says it is that version (issue 8, point 9).</summary>
public sealed class PublishedVersionTests : IDisposable
{
    private const string PackName = "eurocto-calcified-cto-1.0.0.ctopack.json";
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-published-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The pack's own sources written out as a clone's rules/ and references/, with the pack in packs/.</summary>
    private string WorkingCopyOfThePack()
    {
        var packFile = Path.Combine(Cli.RepoRoot, "packs", PackName);
        var pack = JsonNode.Parse(File.ReadAllText(packFile))!;
        void Write(JsonNode entry)
        {
            var path = Path.Combine(_dir, entry["path"]!.GetValue<string>());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, entry["source"]!.GetValue<string>());
        }
        Write(pack["ruleset"]!);
        Write(pack["references"]!);
        foreach (var r in pack["rules"]!.AsArray()) Write(r!);
        foreach (var s in pack["scores"]!.AsArray()) Write(s!);
        Directory.CreateDirectory(Path.Combine(_dir, "packs"));
        File.Copy(packFile, Path.Combine(_dir, "packs", PackName));
        return pack["digest"]!.GetValue<string>();
    }

    [Fact]
    public void The_working_copy_of_a_published_pack_reports_its_version_and_digest_in_text_and_json()
    {
        var digest = WorkingCopyOfThePack();
        var text = Cli.RunIn(_dir, "evaluate", Path.Combine(Cli.RepoRoot, "samples", "cases", "tour-prep-extraplaque.yaml"));
        text.ExitCode.Should().Be(0, text.Err);
        text.Out.Should().Contain($"Rule set eurocto-calcified-cto 1.0.0 ({digest})\n");
        var json = Cli.RunIn(_dir, "evaluate", Path.Combine(Cli.RepoRoot, "samples", "cases", "tour-prep-extraplaque.yaml"), "--format", "json");
        var ruleSet = JsonNode.Parse(json.Out)!["ruleSet"]!;
        ruleSet["version"]!.GetValue<string>().Should().Be("1.0.0");
        ruleSet["digest"]!.GetValue<string>().Should().Be(digest);
    }

    [Fact]
    public void A_changed_working_copy_stays_a_draft()
    {
        WorkingCopyOfThePack();
        var rule = Directory.EnumerateFiles(Path.Combine(_dir, "rules"), "*.md", SearchOption.AllDirectories).First();
        File.AppendAllText(rule, "\nA changed rationale.\n");
        var json = Cli.RunIn(_dir, "evaluate", Path.Combine(Cli.RepoRoot, "samples", "cases", "tour-prep-extraplaque.yaml"), "--format", "json");
        json.ExitCode.Should().Be(0, json.Err);
        var ruleSet = JsonNode.Parse(json.Out)!["ruleSet"]!;
        ruleSet["version"]!.GetValue<string>().Should().Be("1.0.0-draft");
        ruleSet["digest"].Should().BeNull();
    }
}
