using System.Security.Cryptography;
using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Publishing;
using CtoRules.Engine.Corpus;
using CtoRules.Packs;

namespace CtoRules.Authoring.Tests;

/// <summary>A temporary copy of the small test rule set (Assets/kb) to publish, edit and diff.</summary>
public sealed class TestKb
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public TestKb()
    {
        Root = Directory.CreateTempSubdirectory("ctorules-kb-").FullName;
        var from = Path.Combine(AppContext.BaseDirectory, "Assets", "kb");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }
    public string Rules => Path.Combine(Root, "rules");
    public string Corpus => Path.Combine(Root, "tests", "corpus");
    public string Packs => Path.Combine(Root, "packs");

    public string PackPath(string version = "1.0.0") => Path.Combine(Packs, PackFormat.FileName("test-kb", version));

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces text in a file, failing if the text is not there (so a test cannot pass by editing nothing).</summary>
    public void Edit(string relative, string from, string to)
    {
        var text = Read(relative);
        text.Should().Contain(from, $"the test edits {relative}");
        Write(relative, text.Replace(from, to));
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative));

    /// <summary>Raises the rule set's version and adds a changelog entry for it.</summary>
    public void SetVersion(string version) =>
        Write("rules/ruleset.yaml", System.Text.RegularExpressions.Regex.Replace(Read("rules/ruleset.yaml"), "^version: .*$", $"version: {version}", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Replace("changelog:\n", $"changelog:\n  - version: {version}\n    date: 2026-11-26\n    changes: [Test change]\n"));

    public PublishResult Publish(string? version = null, ECDsa? key = null, string? force = null) =>
        PackPublisher.Publish(new PublishOptions
        {
            RulesDirectory = Rules,
            CorpusDirectory = Corpus,
            PacksDirectory = Packs,
            Version = version,
            SigningKey = key,
            ForceReason = force,
            Time = new FixedTime(Now),
        });

    /// <summary>Publishes 1.0.0 and fails the test if it is refused.</summary>
    public string Publish100()
    {
        var result = Publish();
        result.Refusals.Should().BeEmpty();
        return result.PackPath!;
    }

    /// <summary>The diff of the published 1.0.0 pack against the working copy, with the corpus.</summary>
    public RuleSetDiff DiffAgainst100() =>
        RuleSetDiffer.Compare(RuleSetSide.Load(PackPath()), RuleSetSide.Load(Rules), CorpusReader.ReadDirectory(Corpus), "tests/corpus");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
