using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Benchmarks.Baselines.Fluent;
using CtoRules.Benchmarks.Baselines.RulesEngine;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// The figures of issue 14's goals: every engine and mode interleaved in rounds (CtoRules one case
/// at a time and in batches, each with and without writing advice@1 JSON; the no-NRules reference
/// evaluator as the floor; the baselines), single-case latency with JSON, the authoring loop, and
/// a <c>goals</c> list saying which target each figure meets.
/// </summary>
public sealed class HonestFigures(BenchOptions options, TextWriter log)
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void AddTo(JsonObject report, RuleSet set, RuleSet full, Case[] cases, double coldLoadMs, double? streamPeakMb)
    {
        var cto = RuleSetCompiler.Compile(set);
        var roundCases = cases.Take(Math.Min(cases.Length, options.RoundCases)).ToArray();
        report["agreement"] = Agreement(cto, cases);

        static byte[] Json(AdviceDocument a) => JsonSerializer.SerializeToUtf8Bytes(a, AdviceJson.Compact);
        var variants = new List<(string, Action<Case[]>)>
        {
            ("ctorules", cs => { foreach (var c in cs) cto.Evaluate(c, At); }),
            ("ctorulesJson", cs => { foreach (var c in cs) Json(cto.Evaluate(c, At)); }),
            // The batch API as a bulk run uses it: each result consumed (dropped, or written as JSON) as its batch ends.
            ("ctorulesBatch", cs => cto.EvaluateEach(cs, At, static (_, _) => { })),
            ("ctorulesBatchJson", cs => cto.EvaluateEach(cs, At, static (_, a) => Json(a))),
            ("reference", cs => { foreach (var c in cs) cto.EvaluateWithoutNRules(c, At); }),
        };
        if (options.Baselines)
        {
            foreach (var engine in new IEngineUnderTest[] { new FluentEngine(), new SameStructureEngine(), new RulesEngineBaseline() })
            {
                var compiled = engine.Compile(set, 1);
                variants.Add((engine.Key, cs => { foreach (var c in cs) compiled.Evaluate(c); }));
            }
            var same = (SameStructureEngine.Compiled)new SameStructureEngine().Compile(set, 1);
            variants.Add(("nrulesFluentSameStructureBatch", cs => same.EvaluateBatch(cs, static _ => { })));
        }
        foreach (var (_, pass) in variants) pass([.. roundCases.Take(500)]); // JIT before the first round
        var (interleaved, rates) = new InterleavedRounds(variants, options.Rounds, log).Run(roundCases);
        interleaved["ratios"] = Ratios(rates);
        report["interleaved"] = interleaved;

        var (p50, p99) = Measure.Latency(new Delegated(c => Json(cto.Evaluate(c, At))), cases);
        report["latencyWithJson"] = new JsonObject { ["p50Us"] = Math.Round(p50, 1), ["p99Us"] = Math.Round(p99, 1) };
        report["coldLoadMs"] = Math.Round(coldLoadMs, 1);

        var diffCases = options.DiffCases > 0 ? new Generation.CaseGenerator(options.Seed + 2).Generate(options.DiffCases).ToList() : [];
        var authoring = new AuthoringMeasures(options.RulesDirectory, options.CorpusDirectory, options.Rounds, log).Run(full, diffCases);
        report["authoring"] = authoring;
        report["goals"] = Goals(report, interleaved, authoring, streamPeakMb);
    }

    /// <summary>Batched and reference evaluation must give CtoRules' advice@1, byte for byte, on every case.</summary>
    private static JsonObject Agreement(CompiledRuleSet cto, Case[] cases)
    {
        var batch = cto.Evaluate(cases, At);
        int batchAgrees = 0, referenceAgrees = 0;
        for (var i = 0; i < cases.Length; i++)
        {
            var single = AdviceJson.Serialize(cto.Evaluate(cases[i], At), indented: false);
            if (AdviceJson.Serialize(batch[i], indented: false) == single) batchAgrees++;
            if (AdviceJson.Serialize(cto.EvaluateWithoutNRules(cases[i], At), indented: false) == single) referenceAgrees++;
        }
        return new JsonObject
        {
            ["casesCompared"] = cases.Length,
            ["batchAgrees"] = batchAgrees,
            ["referenceAgrees"] = referenceAgrees,
            ["agrees"] = batchAgrees == cases.Length && referenceAgrees == cases.Length,
        };
    }

    /// <summary>Ratios within each round (so load moves both sides alike), then min / median / max.</summary>
    private static JsonObject Ratios(Dictionary<string, double[]> rates)
    {
        var node = new JsonObject();
        void Ratio(string name, string a, string b)
        {
            if (rates.TryGetValue(a, out var x) && rates.TryGetValue(b, out var y))
                node[name] = InterleavedRounds.Spread([.. x.Zip(y, (p, q) => p / q)], 3);
        }
        Ratio("throughputVsRulesEngine", "ctorules", "rulesEngine");
        Ratio("batchThroughputVsRulesEngine", "ctorulesBatch", "rulesEngine");
        Ratio("timeVsNrulesFluent", "nrulesFluent", "ctorules");
        Ratio("timeVsNrulesFluentSameStructure", "nrulesFluentSameStructure", "ctorules");
        Ratio("batchTimeVsNrulesFluentSameStructureBatch", "nrulesFluentSameStructureBatch", "ctorulesBatch");
        Ratio("batchTimeVsReference", "reference", "ctorulesBatch");
        Ratio("batchSpeedup", "ctorulesBatch", "ctorules");
        return node;
    }

    private static JsonArray Goals(JsonObject report, JsonObject interleaved, JsonObject authoring, double? streamPeakMb)
    {
        double? Median(JsonNode? spread) => spread?["median"]?.GetValue<double>();
        var engines = interleaved["engines"]!;
        var ratios = interleaved["ratios"]!;
        JsonObject Goal(string goal, string figure, double? measured, Func<double, bool> met) => new()
        {
            ["goal"] = goal, ["figure"] = figure, ["measured"] = measured, ["met"] = measured is { } m ? met(m) : null,
        };
        return
        [
            Goal("batch mode >= 20,000 cases/s on one core, full explanations and missing facts", "interleaved.engines.ctorulesBatch.casesPerSec.median",
                Median(engines["ctorulesBatch"]?["casesPerSec"]), v => v >= 20_000),
            Goal("single case <= 100 us p50 with JSON output", "latencyWithJson.p50Us", report["latencyWithJson"]?["p50Us"]?.GetValue<double>(), v => v <= 100),
            Goal(">= 2x Microsoft RulesEngine (one case at a time, interleaved)", "interleaved.ratios.throughputVsRulesEngine.median",
                Median(ratios["throughputVsRulesEngine"]), v => v >= 2),
            Goal("<= 1.1x the time of the same-structure NRules.Fluent rules (one case at a time)", "interleaved.ratios.timeVsNrulesFluentSameStructure.median",
                Median(ratios["timeVsNrulesFluentSameStructure"]), v => v <= 1.1),
            Goal("<= 1.1x the time of the same-structure NRules.Fluent rules (batch mode, 32 per session each)", "interleaved.ratios.batchTimeVsNrulesFluentSameStructureBatch.median",
                Median(ratios["batchTimeVsNrulesFluentSameStructureBatch"]), v => v <= 1.1),
            Goal("<= 1.1x the time of the NRules.Fluent rules as a developer writes them (derived facts as facts, a second rule per item for undecided)", "interleaved.ratios.timeVsNrulesFluent.median",
                Median(ratios["timeVsNrulesFluent"]), v => v <= 1.1),
            Goal("batch mode within 1.5x of the no-NRules reference evaluator", "interleaved.ratios.batchTimeVsReference.median",
                Median(ratios["batchTimeVsReference"]), v => v <= 1.5),
            Goal("cold load (read + validate + compile) <= 300 ms", "coldLoadMs", report["coldLoadMs"]?.GetValue<double>(), v => v <= 300),
            Goal("one-rule edit re-check + recompile <= 50 ms", "authoring.oneRuleEditRecheckCompileMs.median", Median(authoring["oneRuleEditRecheckCompileMs"]), v => v <= 50),
            Goal("corpus run with coverage <= 100 ms warm", "authoring.corpusRunWithCoverageMs.median", Median(authoring["corpusRunWithCoverageMs"]), v => v <= 100),
            Goal("behavioural diff over 20,000 cases <= 2 s", "authoring.behaviouralDiffMs.median", Median(authoring["behaviouralDiffMs"]), v => v <= 2_000),
            Goal("100k-case stream <= 200 MB", "peakWorkingSetMb100k", streamPeakMb, v => v <= 200),
            new JsonObject
            {
                ["goal"] = "HTTP evaluate p99 <= 5 ms at 500 req/s on loopback with audit on", ["figure"] = "tools/http-bench.sh (wrk against a started host; not in-process)",
                ["measured"] = null, ["met"] = null,
            },
        ];
    }

    private sealed class Delegated(Action<Case> evaluate) : ICompiledEngine
    {
        public int EngineRuleCount => 0;

        public void Evaluate(Case @case) => evaluate(@case);

        public string Describe(Case @case, Harness.Agreement level) => throw new NotSupportedException();
    }
}
