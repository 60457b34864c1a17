using System.Text.Json.Nodes;
using CtoRules.Benchmarks.Harness;

namespace CtoRules.Benchmarks.Tests;

/// <summary>
/// How <c>bench --http</c> turns tools/http-bench.sh's JSON line into issue 14's HTTP goal: met only
/// with audit on, no errors, the rate reached and p99 within 5 ms. The lines have the script's shape.
/// </summary>
public sealed class HttpGoalTests
{
    private static JsonObject Line(bool audit, double reqPerSec, double p99, long errors) => JsonNode.Parse($$$"""
        {"endpoint": "/api/v1/evaluate", "audit": {{{(audit ? "true" : "false")}}}, "pinned": true, "targetReqPerSec": 500, "connections": 10, "threads": 2,
         "pacing": "schedule", "loadAverageBefore": "0.50 0.40 0.30", "loadAverageAfter": "0.90 0.50 0.30",
         "paced": {"requests": 15000, "seconds": 30.0, "reqPerSec": {{{reqPerSec}}}, "p50Ms": 1.2, "p90Ms": 2.0, "p99Ms": {{{p99}}}, "maxMs": 9.0, "errors": {{{errors}}}, "non2xx": {{{errors}}}},
         "flatOut": {"requests": 20000, "seconds": 10.0, "reqPerSec": 2000.0, "p50Ms": 4.0, "p90Ms": 6.0, "p99Ms": 9.0, "maxMs": 20.0, "errors": 0, "non2xx": 0}}
        """)!.AsObject();

    [Fact]
    public void Not_measured_says_so()
    {
        var goal = HttpMeasure.Goal(null);
        goal["measured"].Should().BeNull();
        goal["met"].Should().BeNull();
        goal["figure"]!.GetValue<string>().Should().Contain("bench --http");
    }

    [Fact]
    public void The_paced_figures_fill_the_goal()
    {
        var goal = HttpMeasure.Goal(Line(audit: true, reqPerSec: 498.7, p99: 4.2, errors: 0));
        goal["measured"]!.GetValue<double>().Should().Be(4.2);
        goal["p50Ms"]!.GetValue<double>().Should().Be(1.2);
        goal["achievedReqPerSec"]!.GetValue<double>().Should().Be(498.7);
        (goal["audit"]!.GetValue<bool>(), goal["pinned"]!.GetValue<bool>(), goal["errors"]!.GetValue<long>()).Should().Be((true, true, 0L));
        goal["met"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(true, 498.7, 5.1, 0, "p99 over 5 ms")]
    [InlineData(false, 498.7, 4.2, 0, "audit off")]
    [InlineData(true, 349.0, 4.2, 0, "the host did not reach the rate")]
    [InlineData(true, 498.7, 4.2, 3, "errors")]
    public void Any_shortfall_is_not_met(bool audit, double reqPerSec, double p99, long errors, string because)
    {
        HttpMeasure.Goal(Line(audit, reqPerSec, p99, errors))["met"]!.GetValue<bool>().Should().BeFalse(because);
    }
}
