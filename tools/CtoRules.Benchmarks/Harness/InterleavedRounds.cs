using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CtoRules.Cases;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// Engines measured in rounds within one process: each round runs every variant once over the
/// same cases, in an order that rotates from round to round, so that a shared machine's load
/// moves all of them alike. Each figure is reported as min / median / max over the rounds, with
/// the load average before and after each round; ratios are taken within a round, then summarised.
/// </summary>
public sealed class InterleavedRounds(IReadOnlyList<(string Name, Action<Case[]> Pass)> variants, int rounds, TextWriter log)
{
    public (JsonObject Report, Dictionary<string, double[]> CasesPerSec) Run(Case[] cases)
    {
        var rates = variants.ToDictionary(v => v.Name, _ => new double[rounds]);
        var alloc = variants.ToDictionary(v => v.Name, _ => 0L);
        var loads = new JsonArray();
        for (var round = 0; round < rounds; round++)
        {
            var before = LoadAverage();
            for (var k = 0; k < variants.Count; k++)
            {
                var (name, pass) = variants[(k + round) % variants.Count];
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var t = Stopwatch.GetTimestamp();
                pass(cases);
                var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
                alloc[name] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                rates[name][round] = cases.Length / seconds;
            }
            var after = LoadAverage();
            loads.Add(new JsonObject { ["round"] = round + 1, ["loadAverageBefore"] = before, ["loadAverageAfter"] = after });
            log.WriteLine($"round {round + 1}/{rounds} (load {before} -> {after}): " +
                string.Join(", ", variants.Select(v => $"{v.Name} {rates[v.Name][round]:F0}/s")));
        }
        var report = new JsonObject { ["rounds"] = rounds, ["casesPerRound"] = cases.Length, ["loadAverage"] = loads };
        var engines = new JsonObject();
        foreach (var (name, _) in variants)
            engines[name] = new JsonObject
            {
                ["casesPerSec"] = Spread(rates[name], 0),
                ["usPerCase"] = Spread([.. rates[name].Select(r => 1e6 / r)], 2),
                ["allocBytesPerCase"] = Math.Round((double)alloc[name] / ((long)cases.Length * rounds)),
            };
        report["engines"] = engines;
        return (report, rates);
    }

    /// <summary>min, median and max of the per-round values.</summary>
    public static JsonObject Spread(double[] values, int digits)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return new JsonObject { ["min"] = null, ["median"] = null, ["max"] = null };
        return new JsonObject
        {
            ["min"] = Math.Round(sorted[0], digits),
            ["median"] = Math.Round(Measure.Percentile(sorted, 0.5), digits),
            ["max"] = Math.Round(sorted[^1], digits),
        };
    }

    /// <summary>The 1-minute load average (Linux), or null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
