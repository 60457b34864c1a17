using System.CommandLine;
using CtoRules.Benchmarks.Generation;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks;

/// <summary>
/// <c>batch-sizes</c>: CtoRules' batch API at several cases per NRules session, interleaved in
/// rounds (how <see cref="CompiledRuleSet.DefaultBatchSize"/> was chosen).
/// </summary>
public static class BatchSizesCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "Cases per size per round", DefaultValueFactory = _ => 4_000 };
        var sizes = new Option<string>("--sizes") { Description = "Cases per session", DefaultValueFactory = _ => "1,4,16,32,64,256" };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds", DefaultValueFactory = _ => 3 };
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var command = new Command("batch-sizes", "Throughput of the batch API by cases per session") { cases, sizes, rounds, rules };
        command.SetAction(parse =>
        {
            var load = RuleSetReader.LoadDirectory(RulesFolder.Resolve(parse.GetValue(rules)));
            if (load.RuleSet is null) throw new BenchException("the rule set has errors");
            var compiled = RuleSetCompiler.Compile(load.RuleSet);
            compiled.FreshSessionPerBatch = false;
            var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            // Each size with the pooled session (insert, fire, retract: "batch") and with a new session per batch (no retraction: "fresh", the default).
            var fresh = RuleSetCompiler.Compile(load.RuleSet);
            fresh.FreshSessionPerBatch = true;
            var variants = parse.GetValue(sizes)!.Split(',').Select(int.Parse)
                .SelectMany(n => new[]
                {
                    ($"batch{n}", (Action<Case[]>)(cs => compiled.EvaluateEach(cs, at, static (_, _) => { }, n))),
                    ($"fresh{n}", (Action<Case[]>)(cs => fresh.EvaluateEach(cs, at, static (_, _) => { }, n))),
                }).ToList();
            var generated = new CaseGenerator(42).Generate(parse.GetValue(cases)).ToArray();
            foreach (var (_, pass) in variants) pass(generated);
            var (report, _) = new InterleavedRounds(variants, Math.Max(3, parse.GetValue(rounds)), Console.Error).Run(generated);
            Console.WriteLine(report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }
}
