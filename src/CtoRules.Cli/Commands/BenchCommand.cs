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
        // The options belong to the tool (tools/CtoRules.Benchmarks/Commands.cs), which validates
        // them; this command resolves the rules folder as every ctorules command does and forwards
        // everything else unchanged, so the two never drift apart.
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var command = new Command("bench",
            "Measure compile time, latency, throughput, allocations and memory beside hand-written NRules and Microsoft RulesEngine. " +
            "Other options are the benchmark tool's: --cases N, --threads 1|all, --format text|json, --seed N, --stream-cases N, " +
            "--scaling 1,4,16, --scaling-cases N, --scaling-seconds-limit S, --min-seconds S, --no-baselines, --output FILE, " +
            "--rounds N, --round-cases N, --diff-cases N, --corpus DIR, --http [--http-rate N] [--http-seconds S].")
        {
            rules,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var tool = Locate();
            if (tool is null)
            {
                Console.Error.WriteLine("ctorules bench: the benchmark tool is not built; run: dotnet build tools/CtoRules.Benchmarks -c Release");
                return CliHost.Failed;
            }
            return Run(tool, ["bench", "--rules", RulesLocator.Resolve(parse.GetValue(rules)), .. parse.UnmatchedTokens]);
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
