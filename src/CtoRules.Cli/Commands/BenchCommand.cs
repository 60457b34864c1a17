using System.CommandLine;
using System.Diagnostics;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules bench</c>: the whole-system benchmark. The harness, the case generator and the two
/// baselines (hand-written NRules.Fluent, Microsoft RulesEngine) live in tools/CtoRules.Benchmarks
/// so that the command line tool does not carry their packages; this command finds that tool's
/// build and runs it with the same options (docs/performance.md says why).
/// </summary>
public static class BenchCommand
{
    public const string ToolAssembly = "ctorules-bench.dll";

    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "Cases generated and evaluated by each engine", DefaultValueFactory = _ => 20_000 };
        var threads = new Option<string>("--threads") { Description = "1, or all (one worker per core) for the all-cores throughput", DefaultValueFactory = _ => "all" };
        threads.AcceptOnlyFromAmong("1", "all");
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var seed = new Option<int?>("--seed") { Description = "Case generator seed (default 42)" };
        var stream = new Option<int?>("--stream-cases") { Description = "Cases streamed for the peak working set (default 100000)" };
        var scaling = new Option<string?>("--scaling") { Description = "Also run the rule set replicated, e.g. 1,4,16" };
        var scalingCases = new Option<int?>("--scaling-cases") { Description = "Cases per engine and factor in the scaling run (default 4000)" };
        var scalingLimit = new Option<double?>("--scaling-seconds-limit") { Description = "Skip an engine's larger factors once one took longer than this (default 60)" };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Measure CtoRules only" };
        var minSeconds = new Option<double?>("--min-seconds") { Description = "Minimum duration of each throughput measurement (default 1.5)" };
        var output = new Option<string?>("--output") { Description = "Also write the JSON report to this file" };
        var command = new Command("bench", "Measure compile time, latency, throughput, allocations and memory beside hand-written NRules and Microsoft RulesEngine")
        {
            cases, threads, format, rules, seed, stream, scaling, scalingCases, scalingLimit, noBaselines, minSeconds, output,
        };
        command.SetAction(parse =>
        {
            var tool = Locate();
            if (tool is null)
            {
                Console.Error.WriteLine("ctorules bench: the benchmark tool is not built; run: dotnet build tools/CtoRules.Benchmarks -c Release");
                return CliHost.Failed;
            }
            List<string> forwarded = ["bench", "--cases", parse.GetValue(cases).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--threads", parse.GetValue(threads)!, "--format", parse.GetValue(format)!,
                "--rules", RulesLocator.Resolve(parse.GetValue(rules))];
            void Add(string name, object? value)
            {
                if (value is not null) forwarded.AddRange([name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!]);
            }
            Add("--seed", parse.GetValue(seed));
            Add("--stream-cases", parse.GetValue(stream));
            Add("--scaling", parse.GetValue(scaling));
            Add("--scaling-cases", parse.GetValue(scalingCases));
            Add("--scaling-seconds-limit", parse.GetValue(scalingLimit));
            Add("--min-seconds", parse.GetValue(minSeconds));
            Add("--output", parse.GetValue(output));
            if (parse.GetValue(noBaselines)) forwarded.Add("--no-baselines");
            return Run(tool, forwarded);
        });
        return command;
    }

    /// <summary>The tool: $CTORULES_BENCH, beside this program, or the newest build under tools/ of the enclosing clone.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("CTORULES_BENCH") is { Length: > 0 } named && File.Exists(named)) return named;
        var beside = Path.Combine(AppContext.BaseDirectory, ToolAssembly);
        if (File.Exists(beside)) return beside;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var bin = Path.Combine(dir.FullName, "tools", "CtoRules.Benchmarks", "bin");
                if (!Directory.Exists(bin)) continue;
                var builds = Directory.EnumerateFiles(bin, ToolAssembly, SearchOption.AllDirectories)
                    .OrderByDescending(f => f.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .ThenByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
                if (builds is not null) return builds;
            }
        return null;
    }

    /// <summary>Runs the tool in its own process (its stdout is the report), with this console's streams.</summary>
    private static int Run(string tool, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        psi.ArgumentList.Add(tool);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
