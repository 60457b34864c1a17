using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Engine.Tests;

/// <summary>
/// The engine must give byte-for-byte the advice@1 the previous engine gave. The golden file
/// (Assets/equivalence/advice.sha256.txt, a SHA-256 of the compact JSON per case) was written by the engine of main before issue 14 changed
/// it (derived facts in Rete, one case per session), for the published pack 2.0.0 (immutable, so
/// the golden file does not go stale when rules/ changes) over every corpus case (a snapshot of tests/corpus, Assets/equivalence/corpus.jsonl.gz) and 2,000
/// generated cases (Assets/equivalence/cases.jsonl.gz, <c>ctorules-bench generate --cases 2000
/// --seed 2026</c>). Each case is evaluated alone and in batches; both must equal the golden line.
/// </summary>
public class EngineEquivalenceTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Assets => Path.Combine(AppContext.BaseDirectory, "Assets", "equivalence");

    private static CompiledRuleSet Pack() =>
        RuleSetCompiler.GetOrCompile(RulePack.Load(Path.Combine(RepoRoot(), "packs", "eurocto-calcified-cto-2.0.0.ctopack.json"), PackTrust.DigestOnly).RuleSet);

    /// <summary>The corpus cases (valid ones, by file name) then the generated cases, in a fixed order.</summary>
    private static List<(string Name, Case Case)> Cases()
    {
        var list = new List<(string, Case)>();
        // The corpus as it was when the golden file was written (tests/corpus may grow).
        foreach (var line in ReadLines(Path.Combine(Assets, "corpus.jsonl.gz")))
        {
            var entry = System.Text.Json.Nodes.JsonNode.Parse(line)!;
            var c = CorpusReader.Read(entry["text"]!.GetValue<string>(), entry["file"]!.GetValue<string>());
            if (c.IsValid) list.Add(("corpus/" + c.File, c.Case!));
        }
        var n = 0;
        foreach (var line in ReadLines(Path.Combine(Assets, "cases.jsonl.gz")))
        {
            var read = CaseReader.ReadJson(line);
            if (!read.IsValid) throw new InvalidOperationException(string.Join("\n", read.Errors));
            list.Add(($"generated/{n++}", read.Case!));
        }
        return list;
    }

    [Fact]
    public void Single_and_batched_evaluation_give_the_golden_advice_byte_for_byte()
    {
        var compiled = Pack();
        var cases = Cases();
        cases.Count.Should().BeGreaterThan(2_000);
        var single = cases.Select(c => Line(c.Name, compiled.Evaluate(c.Case, At))).ToList();
        if (Environment.GetEnvironmentVariable("CTORULES_UPDATE_GOLDEN") == "1")
            File.WriteAllLines(Path.Combine(RepoRoot(), "tests", "CtoRules.Engine.Tests", "Assets", "equivalence", "advice.sha256.txt"), single);
        var golden = File.ReadAllLines(Path.Combine(Assets, "advice.sha256.txt")).Where(l => l.Length > 0).ToList();
        golden.Should().HaveCount(cases.Count);
        for (var i = 0; i < cases.Count; i++)
            single[i].Should().Be(golden[i], "single evaluation");

        // Batched: the default size, an odd size that leaves a short last batch, and all at once.
        var all = cases.Select(c => c.Case).ToList();
        foreach (var size in new[] { CompiledRuleSet.DefaultBatchSize, 7, all.Count })
        {
            var batched = compiled.Evaluate(all, At, size);
            for (var i = 0; i < cases.Count; i++)
                Line(cases[i].Name, batched[i]).Should().Be(golden[i], $"batched evaluation, {size} per session");
        }
        // Streamed (each result handed over as its batch ends): every index once, in order, golden.
        var streamed = new List<int>();
        compiled.EvaluateEach(all, At, (i, advice) =>
        {
            streamed.Add(i);
            Line(cases[i].Name, advice).Should().Be(golden[i], "streamed batch evaluation");
        }, 5);
        streamed.Should().Equal(Enumerable.Range(0, all.Count));
        // The HTTP path's writer (source-generated metadata, UTF-8) gives the same bytes, and so
        // does System.Text.Json's reflection-based writer with advice@1's options.
        var reflection = new System.Text.Json.JsonSerializerOptions(AdviceJson.Compact) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        for (var i = 0; i < cases.Count; i++)
        {
            var advice = compiled.Evaluate(all[i], At);
            var utf8 = AdviceJson.SerializeUtf8(advice);
            (cases[i].Name + " " + Convert.ToHexStringLower(SHA256.HashData(utf8))).Should().Be(golden[i], "source-generated UTF-8 JSON");
            if (i % 50 == 0) Encoding.UTF8.GetString(utf8).Should().Be(System.Text.Json.JsonSerializer.Serialize(advice, reflection));
        }
        // Traces carry the same advice, batched or not.
        var traces = compiled.Trace(all, At);
        for (var i = 0; i < cases.Count; i += 97)
        {
            Line(cases[i].Name, traces[i].Advice).Should().Be(golden[i]);
            traces[i].FiredRules.Should().Equal(compiled.Trace(all[i], At).FiredRules);
            traces[i].UndecidedRules.Should().Equal(compiled.Trace(all[i], At).UndecidedRules);
        }
    }

    private static IEnumerable<string> ReadLines(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    /// <summary>
    /// "name sha256-of-the-compact-advice@1-JSON": equal hashes are equal bytes, and the file stays
    /// small (the JSON of 2,117 cases is 2.4 MB even compressed).
    /// </summary>
    private static string Line(string name, AdviceDocument advice) =>
        name + " " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdviceJson.Serialize(advice, indented: false))));

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }
}
