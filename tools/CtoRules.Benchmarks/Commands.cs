using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Benchmarks.Baselines.RulesEngine;
using CtoRules.Benchmarks.Generation;
using CtoRules.Benchmarks.Harness;
using CtoRules.Benchmarks.Plotting;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks;

/// <summary><c>bench</c>: the whole-system benchmark (what <c>ctorules bench</c> runs).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "Cases generated and evaluated by each engine", DefaultValueFactory = _ => 20_000 };
        var threads = new Option<string>("--threads") { Description = "1, or all (one worker per core) for the all-cores throughput", DefaultValueFactory = _ => "all" };
        threads.AcceptOnlyFromAmong("1", "all");
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var stream = new Option<int>("--stream-cases") { Description = "Cases streamed for the peak working set", DefaultValueFactory = _ => 100_000 };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Measure CtoRules only" };
        var scaling = new Option<string?>("--scaling") { Description = "Also run the rule set replicated, e.g. 1,4,16" };
        var scalingCases = new Option<int>("--scaling-cases") { Description = "Cases per engine and factor in the scaling run", DefaultValueFactory = _ => 4_000 };
        var scalingLimit = new Option<double>("--scaling-seconds-limit") { Description = "Skip an engine's larger factors once one took longer than this", DefaultValueFactory = _ => 60 };
        var minSeconds = new Option<double>("--min-seconds") { Description = "Minimum duration of each throughput measurement", DefaultValueFactory = _ => 1.5 };
        var output = new Option<string?>("--output") { Description = "Also write the JSON report to this file" };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds (every engine once per round); at least 3", DefaultValueFactory = _ => 3 };
        var roundCases = new Option<int>("--round-cases") { Description = "Cases per engine per interleaved round", DefaultValueFactory = _ => 4_000 };
        var diffCases = new Option<int>("--diff-cases") { Description = "Generated cases of the behavioural-diff figure (0: skip)", DefaultValueFactory = _ => 20_000 };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus of the corpus-run figure (default: tests/corpus beside the rules)" };
        var http = new Option<bool>("--http") { Description = "Also measure HTTP evaluate with audit on: tools/http-bench.sh (Release host on core 1, wrk on core 0)" };
        var httpRate = new Option<int>("--http-rate") { Description = "Paced rate of the HTTP run, req/s", DefaultValueFactory = _ => 500 };
        var httpSeconds = new Option<int>("--http-seconds") { Description = "Seconds of the paced HTTP run", DefaultValueFactory = _ => 30 };
        var command = new Command("bench", "Compile time, latency, throughput, allocations and memory of CtoRules beside its baselines")
        {
            cases, threads, format, rules, seed, stream, noBaselines, scaling, scalingCases, scalingLimit, minSeconds, output,
            rounds, roundCases, diffCases, corpus, http, httpRate, httpSeconds,
        };
        command.SetAction(parse =>
        {
            var options = new BenchOptions
            {
                RulesDirectory = RulesFolder.Resolve(parse.GetValue(rules)),
                Cases = Math.Max(1, parse.GetValue(cases)),
                Threads = parse.GetValue(threads) == "1" ? 1 : 0,
                Format = parse.GetValue(format)!,
                Seed = parse.GetValue(seed),
                StreamCases = Math.Max(0, parse.GetValue(stream)),
                Baselines = !parse.GetValue(noBaselines),
                Scaling = parse.GetValue(scaling) is { Length: > 0 } s ? [.. s.Split(',').Select(int.Parse)] : [],
                ScalingCases = parse.GetValue(scalingCases),
                ScalingSecondsLimit = parse.GetValue(scalingLimit),
                MinSeconds = parse.GetValue(minSeconds),
                Rounds = Math.Max(3, parse.GetValue(rounds)),
                RoundCases = Math.Max(1, parse.GetValue(roundCases)),
                DiffCases = Math.Max(0, parse.GetValue(diffCases)),
                CorpusDirectory = parse.GetValue(corpus),
                Http = parse.GetValue(http),
                HttpRate = Math.Max(1, parse.GetValue(httpRate)),
                HttpSeconds = Math.Max(1, parse.GetValue(httpSeconds)),
            };
            // Progress goes to stderr so that stdout is only the report.
            var report = new BenchRunner(options, Console.Error).Run();
            var json = report.ToJsonString(new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = true });
            if (parse.GetValue(output) is { } file) File.WriteAllText(file, json + "\n");
            if (options.Format == "json") Console.WriteLine(json);
            else TextReport.Write(report, Console.Out);
            var agreed = report["baselines"]!.AsObject().All(b => b.Value!["agrees"]!.GetValue<bool>());
            return agreed ? 0 : 1;
        });
        return command;
    }
}

/// <summary><c>generate</c>: synthetic cases to a folder (one case@1 JSON file each) or JSON lines on stdout.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--output") { Description = "A folder for one file per case, or - for JSON lines on stdout", DefaultValueFactory = _ => "-" };
        var command = new Command("generate", "Write seeded synthetic case@1 cases") { cases, seed, output };
        command.SetAction(parse =>
        {
            var generator = new CaseGenerator(parse.GetValue(seed));
            var target = parse.GetValue(output)!;
            var compact = new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = false };
            var indented = new JsonSerializerOptions(JsonSerializerOptions.Default) { WriteIndented = true };
            if (target == "-")
            {
                using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
                foreach (var c in generator.Generate(parse.GetValue(cases))) stdout.WriteLine(c.ToJson().ToJsonString(compact));
                return 0;
            }
            Directory.CreateDirectory(target);
            foreach (var c in generator.Generate(parse.GetValue(cases)))
                File.WriteAllText(Path.Combine(target, c.Id + ".json"), c.ToJson().ToJsonString(indented) + "\n");
            return 0;
        });
        return command;
    }
}

/// <summary><c>workflow</c>: the RulesEngine workflow JSON the baseline runs, for reading.</summary>
public static class WorkflowCommand
{
    public static Command Create()
    {
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var command = new Command("workflow", "Print the knowledge base as a Microsoft RulesEngine workflow (JSON)") { rules };
        command.SetAction(parse =>
        {
            var load = RuleSetReader.LoadDirectory(RulesFolder.Resolve(parse.GetValue(rules)));
            if (load.RuleSet is null) throw new BenchException("the rule set has errors");
            Console.WriteLine(WorkflowWriter.Write(load.RuleSet));
            return 0;
        });
        return command;
    }
}

/// <summary><c>plot</c>: the scaling plot (PNG) from a report written with <c>--scaling</c>.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("report") { Description = "A JSON report of `bench --scaling ...`" };
        var output = new Option<string>("--output") { Description = "PNG file", DefaultValueFactory = _ => "docs/performance-scaling.png" };
        var command = new Command("plot", "Plot throughput against rule count for each engine") { input, output };
        command.SetAction(parse =>
        {
            var report = JsonNode.Parse(File.ReadAllText(parse.GetValue(input)!))!.AsObject();
            ScalingPlot.Write(report, parse.GetValue(output)!);
            return 0;
        });
        return command;
    }
}

/// <summary><c>micro</c>: BenchmarkDotNet micro benchmarks (arguments after -- go to BenchmarkDotNet).</summary>
public static class MicroCommand
{
    public static Command Create()
    {
        var rest = new Argument<string[]>("args") { Description = "BenchmarkDotNet arguments, e.g. --filter *Evaluate*", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("micro", "Run the BenchmarkDotNet micro benchmarks") { rest };
        command.SetAction(parse =>
        {
            BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(parse.GetValue(rest) ?? []);
            return 0;
        });
        return command;
    }
}

/// <summary>The nearest rules/ with a ruleset.yaml, as the CLI finds it.</summary>
public static class RulesFolder
{
    public static string Resolve(string? named)
    {
        if (!string.IsNullOrEmpty(named)) return named;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, "ruleset.yaml"))) return candidate;
        }
        return "rules";
    }
}
