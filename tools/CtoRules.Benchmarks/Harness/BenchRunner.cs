using System.Diagnostics;
using System.Text.Json.Nodes;
using CtoRules.Benchmarks.Baselines.Fluent;
using CtoRules.Benchmarks.Baselines.RulesEngine;
using CtoRules.Benchmarks.Generation;
using CtoRules.Cases;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// The whole-system benchmark: in one process and one run, CtoRules' compile time (cold, then
/// warm), latency, throughput, allocations and streaming memory, then the same measurements of
/// the baselines on the same cases with their agreement checked case by case.
/// </summary>
public sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    public JsonObject Run()
    {
        var report = new JsonObject();
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;

        var t = Stopwatch.GetTimestamp();
        var load = RuleSetReader.LoadDirectory(options.RulesDirectory);
        if (load.RuleSet is null)
            throw new BenchException($"the rule set in {options.RulesDirectory} has errors; run 'ctorules validate'");
        // The baselines do not implement score reading (docs/rule-format.md): every engine measures
        // the set without the rules that read scores, so that they run the same rules.
        var set = load.RuleSet.WithoutScoreReaders();
        var loadMs = Measure.Ms(t);

        // Cold compile: the first in this process (JIT of the compiler and of NRules included).
        var ctorules = new CtoRulesEngine();
        t = Stopwatch.GetTimestamp();
        var compiled = ctorules.Compile(set, 1);
        var compileCold = Measure.Ms(t);
        var compileWarm = WarmCompile(ctorules, set, 1, 5);
        Log($"ctorules: {set.Rules.Length} rules -> {compiled.EngineRuleCount} NRules rules; compile cold {compileCold:F1} ms, warm {compileWarm:F1} ms");

        // Streaming first, before the case list exists, so that its peak is the streaming's own.
        var streamPeak = options.StreamCases > 0
            ? Measure.PeakWorkingSetMbStreaming(compiled, new CaseGenerator(options.Seed + 1).Generate(options.StreamCases))
            : double.NaN;
        Log($"ctorules: streamed {options.StreamCases} cases, peak working set {streamPeak:F1} MB");

        var cases = new CaseGenerator(options.Seed).Generate(options.Cases).ToArray();
        Warm(compiled, cases);
        var (p50, p99) = Measure.Latency(compiled, cases);
        var (oneThread, alloc) = Measure.OneThread(compiled, cases, options.MinSeconds);
        var allThreads = threads > 1 ? Measure.AllThreads(compiled, cases, threads, options.MinSeconds) : oneThread;
        Log($"ctorules: p50 {p50:F1} us, p99 {p99:F1} us, {oneThread:F0} cases/s on 1 thread, {allThreads:F0} on {threads}, {alloc:F0} B/case");

        report["engine"] = "ctorules";
        report["ruleSet"] = new JsonObject { ["id"] = set.Manifest.Id, ["version"] = set.Manifest.Version, ["rules"] = set.Rules.Length, ["scores"] = set.Scores.Length, ["nrulesRules"] = compiled.EngineRuleCount, ["contentDigest"] = set.ContentDigest };
        report["cases"] = options.Cases;
        report["seed"] = options.Seed;
        report["threads"] = threads;
        report["loadRulesMs"] = Round(loadMs);
        report["compileColdMs"] = Round(compileCold);
        report["compileWarmMs"] = Round(compileWarm);
        report["p50Us"] = Round(p50);
        report["p99Us"] = Round(p99);
        report["casesPerSecOneThread"] = Math.Round(oneThread);
        report["casesPerSecAllThreads"] = threads > 1 ? Math.Round(allThreads) : null;
        report["allocBytesPerCase"] = Math.Round(alloc);
        report["streamCases"] = options.StreamCases;
        report["peakWorkingSetMb100k"] = double.IsNaN(streamPeak) ? null : Round(streamPeak);

        var baselines = new JsonObject();
        if (options.Baselines)
        {
            foreach (var engine in new IEngineUnderTest[] { new FluentEngine(), new SameStructureEngine(), new RulesEngineBaseline() })
                baselines[engine.Key] = RunBaseline(engine, set, cases, threads, compiled, compileWarm, oneThread, allThreads);
        }
        report["baselines"] = baselines;

        // Issue 14: engines interleaved in rounds, latency with JSON, cold load, the authoring loop, the goals.
        new HonestFigures(options, log).AddTo(report, set, load.RuleSet, cases, loadMs + compileCold,
            double.IsNaN(streamPeak) ? null : streamPeak);

        if (options.Scaling.Count > 0)
            report["scaling"] = Scaling(set, cases);
        report["machine"] = Machine();
        return report;
    }

    private JsonObject RunBaseline(IEngineUnderTest engine, RuleSet set, Case[] cases, int threads, ICompiledEngine reference,
        double ctoCompileWarm, double ctoOne, double ctoAll)
    {
        var t = Stopwatch.GetTimestamp();
        var compiled = engine.Compile(set, 1);
        var first = Measure.Ms(t);
        var warm = WarmCompile(engine, set, 1, 3);

        // Agreement on every case, before any timing.
        var (agreeing, firstDifference) = Agree(reference, compiled, cases, engine.AgreementLevel);

        Warm(compiled, cases);
        var (p50, p99) = Measure.Latency(compiled, cases);
        var (one, alloc) = Measure.OneThread(compiled, cases, options.MinSeconds);
        var all = threads > 1 ? Measure.AllThreads(compiled, cases, threads, options.MinSeconds) : one;
        Log($"{engine.Key}: {compiled.EngineRuleCount} rules; compile first {first:F1} ms, warm {warm:F1} ms; p50 {p50:F1} us, p99 {p99:F1} us; {one:F0} cases/s on 1 thread, {all:F0} on {threads}; agrees on {agreeing}/{cases.Length}");

        var node = new JsonObject
        {
            ["engineRules"] = compiled.EngineRuleCount,
            ["compileFirstMs"] = Round(first),
            ["compileWarmMs"] = Round(warm),
            ["p50Us"] = Round(p50),
            ["p99Us"] = Round(p99),
            ["casesPerSecOneThread"] = Math.Round(one),
            ["casesPerSecAllThreads"] = threads > 1 ? Math.Round(all) : null,
            ["allocBytesPerCase"] = Math.Round(alloc),
            ["comparedOn"] = engine.AgreementLevel == Agreement.Full ? "fired advice rule ids, score points, categories and components, missing facts, every because" : "chosen actions: fired advice rule ids and the score items that gave points",
            ["casesCompared"] = cases.Length,
            ["casesAgreeing"] = agreeing,
            ["agrees"] = agreeing == cases.Length,
            ["ratios"] = new JsonObject
            {
                ["timePerCaseOneThread"] = Round(one / ctoOne, 3),
                ["throughputOneThread"] = Round(ctoOne / one, 3),
                ["throughputAllThreads"] = Round(ctoAll / all, 3),
                ["compileWarm"] = Round(ctoCompileWarm / warm, 3),
            },
        };
        if (firstDifference is not null) node["firstDifference"] = firstDifference;
        return node;
    }

    private static (int Agreeing, JsonObject? First) Agree(ICompiledEngine reference, ICompiledEngine other, Case[] cases, Agreement level)
    {
        var agreeing = 0;
        JsonObject? first = null;
        foreach (var c in cases)
        {
            var expected = reference.Describe(c, level);
            var actual = other.Describe(c, level);
            if (expected == actual) agreeing++;
            else first ??= new JsonObject { ["case"] = c.ToJson(), ["ctorules"] = expected, ["baseline"] = actual };
        }
        return (agreeing, first);
    }

    private JsonObject Scaling(RuleSet set, Case[] allCases)
    {
        var cases = allCases.Take(Math.Min(allCases.Length, options.ScalingCases)).ToArray();
        var engines = new IEngineUnderTest[] { new CtoRulesEngine(), new FluentEngine(), new RulesEngineBaseline() };
        var node = new JsonObject { ["factors"] = new JsonArray([.. options.Scaling.Select(f => (JsonNode)f)]), ["cases"] = cases.Length };
        foreach (var engine in engines)
        {
            var rows = new JsonArray();
            var rules = new List<double>();
            var compileMs = new List<double>();
            var usPerCase = new List<double>();
            var skipRest = false;
            foreach (var factor in options.Scaling)
            {
                if (skipRest)
                {
                    rows.Add(new JsonObject { ["factor"] = factor, ["rules"] = set.Rules.Length * factor, ["skipped"] = $"the previous factor took over {options.ScalingSecondsLimit} s" });
                    Log($"scaling {engine.Key} x{factor}: skipped (the previous factor took over {options.ScalingSecondsLimit} s)");
                    continue;
                }
                var started = Stopwatch.GetTimestamp();
                var t = Stopwatch.GetTimestamp();
                var compiled = engine.Compile(set, factor);
                var ms = Measure.Ms(t);
                Warm(compiled, cases);
                var (rate, _) = Measure.OneThread(compiled, cases, minSeconds: 1.0, maxPasses: 3);
                var sourceRules = set.Rules.Length * factor;
                rules.Add(sourceRules);
                compileMs.Add(ms);
                usPerCase.Add(1e6 / rate);
                rows.Add(new JsonObject
                {
                    ["factor"] = factor, ["rules"] = sourceRules, ["engineRules"] = compiled.EngineRuleCount,
                    ["compileMs"] = Round(ms), ["casesPerSecOneThread"] = Math.Round(rate), ["usPerCase"] = Round(1e6 / rate),
                });
                Log($"scaling {engine.Key} x{factor}: {compiled.EngineRuleCount} rules, compile {ms:F0} ms, {rate:F0} cases/s");
                skipRest = Stopwatch.GetElapsedTime(started).TotalSeconds > options.ScalingSecondsLimit;
            }
            node[engine.Key] = new JsonObject
            {
                ["rows"] = rows,
                ["compileExponent"] = Round(Measure.Exponent(rules, compileMs), 3),
                ["perCaseExponent"] = Round(Measure.Exponent(rules, usPerCase), 3),
            };
        }
        return node;
    }

    private static double WarmCompile(IEngineUnderTest engine, RuleSet set, int copies, int times)
    {
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var t = Stopwatch.GetTimestamp();
            engine.Compile(set, copies);
            samples.Add(Measure.Ms(t));
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Warm(ICompiledEngine engine, Case[] cases)
    {
        // Enough for tiered JIT to reach optimised code for the hot paths.
        for (var pass = 0; pass < 3; pass++)
            for (var i = 0; i < Math.Min(cases.Length, 2000); i++) engine.Evaluate(cases[i]);
    }

    private static JsonObject Machine() => new()
    {
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["cpu"] = CpuName(),
        ["cores"] = Environment.ProcessorCount,
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
    };

    private static string CpuName()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double Round(double v, int digits = 1) => double.IsFinite(v) ? Math.Round(v, digits) : -1;

    private void Log(string message) => log.WriteLine(message);
}

public sealed class BenchException(string message) : Exception(message);
