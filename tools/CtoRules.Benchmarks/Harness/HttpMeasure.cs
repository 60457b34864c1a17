using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CtoRules.Benchmarks.Harness;

/// <summary>
/// <c>bench --http</c>: issue 14's HTTP figure, measured as the issue says — a started Release host
/// pinned to one core and wrk pinned to the other, POST /api/v1/evaluate with an API key so that
/// every request appends an audit record. It runs tools/http-bench.sh (one measurement procedure,
/// not two that drift apart) with AUDIT=1 on a free loopback port and reads its JSON line.
/// </summary>
public sealed class HttpMeasure(BenchOptions options, TextWriter log)
{
    /// <summary>The goal: p99 at or under this, at the target rate, with audit on.</summary>
    public const double GoalP99Ms = 5;

    /// <summary>The paced run counts as "at the rate" when it achieved this share of the target.</summary>
    public const double RateTolerance = 0.95;

    public JsonObject Run()
    {
        var script = FindScript(options.RulesDirectory)
            ?? throw new BenchException("--http needs tools/http-bench.sh beside the rules folder (run from a clone of the repository)");
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.Environment["AUDIT"] = "1";
        psi.Environment["RATE"] = options.HttpRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["DURATION"] = options.HttpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        log.WriteLine($"http: tools/http-bench.sh, AUDIT=1, {options.HttpRate} req/s paced for {options.HttpSeconds} s, then 10 s flat out");
        using var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine("http: " + e.Data); };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new BenchException($"tools/http-bench.sh failed (exit {process.ExitCode}); its output is above");
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new BenchException("tools/http-bench.sh printed no result line");
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>
    /// The goal entry for the report's <c>goals</c> from tools/http-bench.sh's result (null: not
    /// measured). Met only when the paced run had audit on, reached the rate, had no errors and a
    /// p99 within the goal: a low p99 at a rate the host did not reach meets nothing.
    /// </summary>
    public static JsonObject Goal(JsonObject? http)
    {
        var goal = new JsonObject
        {
            ["goal"] = "HTTP evaluate p99 <= 5 ms at 500 req/s on loopback with audit on (wrk and the host pinned to one core each)",
            ["figure"] = "http.paced.p99Ms",
            ["measured"] = null,
            ["met"] = null,
        };
        if (http?["paced"] is not JsonObject paced)
        {
            goal["figure"] = "http.paced.p99Ms (bench --http runs tools/http-bench.sh; not measured in this run)";
            return goal;
        }
        var p99 = paced["p99Ms"]!.GetValue<double>();
        var achieved = paced["reqPerSec"]!.GetValue<double>();
        var target = http["targetReqPerSec"]!.GetValue<double>();
        var errors = paced["errors"]!.GetValue<long>();
        var audit = http["audit"]?.GetValue<bool>() == true;
        goal["measured"] = p99;
        goal["p50Ms"] = paced["p50Ms"]!.GetValue<double>();
        goal["targetReqPerSec"] = target;
        goal["achievedReqPerSec"] = achieved;
        goal["errors"] = errors;
        goal["audit"] = audit;
        goal["pinned"] = http["pinned"]?.GetValue<bool>() == true;
        goal["met"] = audit && errors == 0 && achieved >= RateTolerance * target && target >= 500 && p99 <= GoalP99Ms;
        return goal;
    }

    private static string? FindScript(string rulesDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(rulesDirectory)); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "tools", "http-bench.sh");
            if (File.Exists(script)) return script;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
