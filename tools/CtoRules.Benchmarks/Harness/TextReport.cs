using System.Text.Json.Nodes;

namespace CtoRules.Benchmarks.Harness;

/// <summary>The report as a few aligned lines for a terminal.</summary>
public static class TextReport
{
    public static void Write(JsonObject r, TextWriter o)
    {
        var rs = r["ruleSet"]!;
        o.WriteLine($"rule set {rs["id"]} {rs["version"]}: {rs["rules"]} rules ({rs["nrulesRules"]} NRules rules), {r["cases"]} cases (seed {r["seed"]}), {r["threads"]} threads");
        o.WriteLine($"machine: {r["machine"]!["cpu"]}, {r["machine"]!["cores"]} cores, {r["machine"]!["runtime"]}");
        o.WriteLine();
        o.WriteLine($"{"",-14} {"compile ms",12} {"p50 us",8} {"p99 us",8} {"cases/s 1t",11} {"cases/s all",12} {"B/case",8}  agrees");
        o.WriteLine($"{"ctorules",-14} {r["compileColdMs"] + " / " + r["compileWarmMs"],12} {r["p50Us"],8} {r["p99Us"],8} {r["casesPerSecOneThread"],11} {r["casesPerSecAllThreads"]?.ToString() ?? "-",12} {r["allocBytesPerCase"],8}");
        foreach (var (key, b) in r["baselines"]!.AsObject())
            o.WriteLine($"{key,-14} {b!["compileFirstMs"] + " / " + b["compileWarmMs"],12} {b["p50Us"],8} {b["p99Us"],8} {b["casesPerSecOneThread"],11} {b["casesPerSecAllThreads"]?.ToString() ?? "-",12} {b["allocBytesPerCase"],8}  {b["agrees"]} ({b["casesAgreeing"]}/{b["casesCompared"]})");
        o.WriteLine("(compile: cold / warm for ctorules, first / warm for the baselines)");
        o.WriteLine($"peak working set streaming {r["streamCases"]} cases: {r["peakWorkingSetMb100k"]} MB");
        foreach (var (key, b) in r["baselines"]!.AsObject())
        {
            var ratios = b!["ratios"]!;
            o.WriteLine($"ctorules vs {key}: time per case x{ratios["timePerCaseOneThread"]}, throughput x{ratios["throughputOneThread"]} (1 thread), x{ratios["throughputAllThreads"]} (all), compile x{ratios["compileWarm"]}");
        }
        if (r["scaling"] is JsonObject scaling)
        {
            o.WriteLine();
            foreach (var (key, e) in scaling)
            {
                if (e is not JsonObject engine || engine["rows"] is not JsonArray rows) continue;
                o.WriteLine($"scaling {key}: compile exponent {engine["compileExponent"]}, per-case exponent {engine["perCaseExponent"]}");
                foreach (var row in rows.Where(r => r!["skipped"] is null))
                    o.WriteLine($"  x{row!["factor"],-3} {row["rules"],6} rules {row["engineRules"],7} engine rules  compile {row["compileMs"],9} ms  {row["casesPerSecOneThread"],9} cases/s");
            }
        }
    }
}
