using System.Collections.Concurrent;
using CtoRules.Advice;
using CtoRules.Authoring.Publishing;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;
using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Tests;

/// <summary>Publish the shipped knowledge base, load the pack, evaluate: the same advice as the working copy.</summary>
public class RoundTripTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    internal static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }

    [Fact]
    public void Publish_load_evaluate_equals_evaluating_the_working_copy()
    {
        var packs = Directory.CreateTempSubdirectory("ctorules-roundtrip-").FullName;
        using var key = PackKeys.Create();
        var result = PackPublisher.Publish(new PublishOptions
        {
            RulesDirectory = Path.Combine(RepoRoot, "rules"),
            CorpusDirectory = Path.Combine(RepoRoot, "tests", "corpus"),
            PacksDirectory = packs,
            SigningKey = key,
        });
        result.Refusals.Should().BeEmpty();

        var pack = RulePack.Load(result.PackPath!, PackTrust.SignedBy(PackPublicKey.FromPem(PackKeys.ExportPublicPem(key))));
        var working = RuleSetReader.LoadDirectory(Path.Combine(RepoRoot, "rules")).RuleSet!;
        var workingCompiled = RuleSetCompiler.GetOrCompile(working);
        var cases = CorpusReader.ReadDirectory(Path.Combine(RepoRoot, "tests", "corpus")).Where(c => c.IsValid).ToList();
        cases.Should().NotBeEmpty();

        foreach (var c in cases)
        {
            var fromPack = pack.Advisor.Compiled.Evaluate(c.Case!, At);
            var fromWorking = workingCompiled.Evaluate(c.Case!, At);
            fromPack.RuleSet.Should().Be(new RuleSetReference(working.Manifest.Id, working.Manifest.Version, pack.Digest));
            fromWorking.RuleSet.Should().Be(new RuleSetReference(working.Manifest.Id, working.Manifest.Version + "-draft", null));
            AdviceJson.Serialize(fromPack with { RuleSet = fromWorking.RuleSet }).Should().Be(AdviceJson.Serialize(fromWorking), c.File);
        }
    }

    [Fact]
    public void One_compile_per_pack_and_thread_safe_evaluation()
    {
        var kb = new Authoring.Tests.TestKb();
        var path = kb.Publish100();
        var pack = RulePack.Load(path, PackTrust.DigestOnly);
        var again = RulePack.Load(path, PackTrust.DigestOnly);
        again.Advisor.Compiled.Should().BeSameAs(pack.Advisor.Compiled, "the compiled rules are cached by the pack's digest");

        var cases = CorpusReader.ReadDirectory(kb.Corpus).Select(c => c.Case!).ToList();
        var expected = cases.Select(c => AdviceJson.Serialize(pack.Advisor.Compiled.Evaluate(c, At))).ToList();
        var results = new ConcurrentBag<(int, string)>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results.Add((i % cases.Count, AdviceJson.Serialize(pack.Advisor.Compiled.Evaluate(cases[i % cases.Count], At)))));
        results.Should().HaveCount(400).And.OnlyContain(r => r.Item2 == expected[r.Item1]);

        var advice = pack.Evaluate(cases[0]);
        advice.RuleSet.Should().Be(new RuleSetReference("test-kb", "1.0.0", pack.Digest));
    }

    [Fact]
    public void Loads_from_a_stream_too()
    {
        var kb = new Authoring.Tests.TestKb();
        var path = kb.Publish100();
        using var stream = File.OpenRead(path);
        var pack = RulePack.Load(stream, PackTrust.DigestOnly, "from-stream");
        pack.File.Should().Be("from-stream");
        pack.RuleSet.PublishedDigest.Should().Be(pack.Digest);
    }

    [Fact]
    public void The_committed_packs_verify_with_the_committed_public_key_and_evaluate_the_sample_case()
    {
        // Every pack in packs/ must load with signature required by the committed public key(s).
        var dir = Path.Combine(RepoRoot, "packs");
        var packFiles = Directory.Exists(dir) ? Directory.GetFiles(dir, "*" + PackFormat.Extension) : [];
        if (packFiles.Length == 0) return; // nothing published yet: nothing to verify
        var keys = Directory.GetFiles(dir, "*.pub.pem");
        keys.Should().NotBeEmpty("a committed pack is signed, and its public key is committed beside it");
        var trust = PackTrust.SignedByKeyFiles(keys);
        var sample = Cases.CaseReader.ReadFile(Path.Combine(RepoRoot, "samples", "downstream", "case.json"));
        sample.IsValid.Should().BeTrue();
        foreach (var file in packFiles)
        {
            var pack = RulePack.Load(file, trust);
            Path.GetFileName(file).Should().Be(PackFormat.FileName(pack.Manifest.Id, pack.Manifest.Version));
            pack.Evaluate(sample.Case!).Advice.Should().NotBeEmpty();
        }
    }
}
