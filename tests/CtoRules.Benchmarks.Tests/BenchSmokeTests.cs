using System.Diagnostics;
using System.Text.Json;
using CtoRules.Benchmarks.Generation;
using CtoRules.Cases;

namespace CtoRules.Benchmarks.Tests;

/// <summary>
/// CI's smoke run of the benchmark: a small N through the real <c>ctorules bench</c> binary. It
/// checks that the harness works, reports every key, and that both baselines agree with CtoRules
/// case by case. Never a timing assertion: timings belong in docs/performance.md, not in CI.
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly string[] Keys =
    [
        "compileColdMs", "compileWarmMs", "p50Us", "p99Us", "casesPerSecOneThread", "casesPerSecAllThreads",
        "allocBytesPerCase", "peakWorkingSetMb100k", "baselines", "interleaved", "latencyWithJson", "coldLoadMs", "authoring", "goals", "agreement",
    ];

    [Fact]
    public void Ctorules_bench_json_has_every_key_and_both_baselines_agree()
    {
        var (exit, stdout, stderr) = Run("bench", "--cases", "200", "--stream-cases", "500", "--min-seconds", "0.05", "--round-cases", "100", "--diff-cases", "100", "--format", "json");
        exit.Should().Be(0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in Keys) report.TryGetProperty(key, out _).Should().BeTrue($"the report has {key}");
        report.GetProperty("casesPerSecOneThread").GetDouble().Should().BePositive();
        // Batched and no-NRules reference evaluation give CtoRules' advice@1 byte for byte on every case.
        var agreement = report.GetProperty("agreement");
        agreement.GetProperty("agrees").GetBoolean().Should().BeTrue(agreement.ToString());
        agreement.GetProperty("casesCompared").GetInt32().Should().Be(200);
        // Every engine interleaved in at least three rounds, with the spread and the load average.
        var interleaved = report.GetProperty("interleaved");
        interleaved.GetProperty("rounds").GetInt32().Should().BeGreaterThanOrEqualTo(3);
        interleaved.GetProperty("loadAverage").GetArrayLength().Should().Be(interleaved.GetProperty("rounds").GetInt32());
        foreach (var engine in new[] { "ctorules", "ctorulesJson", "ctorulesBatch", "ctorulesBatchJson", "reference", "nrulesFluent", "nrulesFluentSameStructure", "nrulesFluentSameStructureBatch", "rulesEngine" })
        {
            var spread = interleaved.GetProperty("engines").GetProperty(engine).GetProperty("casesPerSec");
            spread.GetProperty("min").GetDouble().Should().BePositive(engine);
            spread.GetProperty("max").GetDouble().Should().BeGreaterThanOrEqualTo(spread.GetProperty("median").GetDouble());
        }
        // Every goal of issue 14 is listed with its figure.
        var goals = report.GetProperty("goals").EnumerateArray().ToList();
        goals.Should().HaveCount(13);
        goals.Where(g => g.GetProperty("figure").GetString()!.StartsWith("interleaved", StringComparison.Ordinal))
            .Should().OnlyContain(g => g.GetProperty("measured").ValueKind == JsonValueKind.Number);
        var baselines = report.GetProperty("baselines");
        foreach (var name in new[] { "nrulesFluent", "nrulesFluentSameStructure", "rulesEngine" })
        {
            var b = baselines.GetProperty(name);
            b.GetProperty("agrees").GetBoolean().Should().BeTrue($"{name} must give the same results as CtoRules: {b}");
            b.GetProperty("casesCompared").GetInt32().Should().Be(200);
            b.GetProperty("casesPerSecOneThread").GetDouble().Should().BePositive();
            b.GetProperty("compileWarmMs").GetDouble().Should().BePositive();
            b.GetProperty("ratios").GetProperty("throughputOneThread").GetDouble().Should().BePositive();
        }
    }

    [Fact]
    public void The_generator_is_seeded_and_its_cases_are_valid_case_at_1()
    {
        var a = new CaseGenerator(7).Generate(300).Select(c => c.ToString()).ToList();
        var b = new CaseGenerator(7).Generate(300).Select(c => c.ToString()).ToList();
        a.Should().Equal(b);
        foreach (var json in a) CaseReader.ReadJson(json).IsValid.Should().BeTrue(json);
    }

    [Fact]
    public void Generated_cases_span_every_stage_with_unknowns_and_ivus_only_after_wire_crossing()
    {
        var cases = new CaseGenerator(11).Generate(2000).ToList();
        cases.Select(c => c.Stage).Distinct().Should().HaveCount(CaseSchema.Stages.Length);
        var unknownShare = cases.Average(c => CaseSchema.Fields.Count(f => !c.IsKnown(f)) / (double)CaseSchema.Fields.Length);
        unknownShare.Should().BeInRange(0.2, 0.7);
        cases.Where(c => c.HasBlock("ivus")).Should().OnlyContain(c => c.Get("procedure.wireCrossed") != "false");
        var cabg = cases.Where(c => c.Get("patient.priorCabg") == "true").ToList();
        var noCabg = cases.Where(c => c.Get("patient.priorCabg") == "false").ToList();
        double Severe(List<Case> group) => group.Count(c => c.Get("lesion.calcification") == "severe") / (double)group.Count;
        Severe(cabg).Should().BeGreaterThan(Severe(noCabg), "prior CABG goes with more severe calcification");
    }

    [Fact]
    public void Generate_writes_case_files_to_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("ctorules-gen-").FullName;
        try
        {
            var (exit, _, stderr) = RunTool("generate", "--cases", "5", "--seed", "3", "--output", folder);
            exit.Should().Be(0, stderr);
            var files = Directory.GetFiles(folder, "*.json");
            files.Should().HaveCount(5);
            foreach (var f in files) CaseReader.ReadFile(f).IsValid.Should().BeTrue(f);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => Start("ctorules.dll", args);

    private static (int Exit, string Out, string Err) RunTool(params string[] args) => Start("ctorules-bench.dll", args);

    private static (int Exit, string Out, string Err) Start(string dll, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("CTORULES_BENCH");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"{dll} did not finish"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }
}
