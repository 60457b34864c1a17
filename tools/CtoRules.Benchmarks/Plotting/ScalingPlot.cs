using System.Text.Json.Nodes;
using ScottPlot;

namespace CtoRules.Benchmarks.Plotting;

/// <summary>Throughput (one thread) against rule count, log-log, one line per engine.</summary>
public static class ScalingPlot
{
    private static readonly (string Key, string Label)[] Engines =
        [("ctorules", "CtoRules"), ("nrulesFluent", "hand-written NRules.Fluent"), ("rulesEngine", "Microsoft RulesEngine")];

    public static void Write(JsonObject report, string file)
    {
        var scaling = report["scaling"] as JsonObject ?? throw new InvalidOperationException("the report has no scaling run (bench --scaling 1,4,16)");
        var plot = new Plot();
        foreach (var (key, label) in Engines)
        {
            if (scaling[key]?["rows"] is not JsonArray all) continue;
            var rows = all.Where(r => r!["skipped"] is null).ToList();
            var xs = rows.Select(r => Math.Log10(r!["rules"]!.GetValue<double>())).ToArray();
            var ys = rows.Select(r => Math.Log10(r!["casesPerSecOneThread"]!.GetValue<double>())).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = $"{label} (per-case exponent {scaling[key]!["perCaseExponent"]})";
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }
        static string Pow10(double v) => Math.Pow(10, v).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Pow10 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Pow10 };
        plot.Title($"Throughput against rule count (x1, x4, x16 copies), {report["machine"]?["cores"]} cores, 1 thread");
        plot.XLabel("rules in the knowledge base (log scale)");
        plot.YLabel("cases per second, one thread (log scale)");
        plot.ShowLegend(Alignment.LowerLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        plot.SavePng(file, 900, 560);
    }
}
