using System.Net;
using System.Text;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Storage;
using CtoRules.Audit.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests;

/// <summary>
/// Issue 15, item 5: 50 evaluations in parallel answer exactly what the same 50 answer one at a
/// time, and two hosts appending to one database in parallel keep one audit chain; on SQLite and
/// on PostgreSQL.
/// </summary>
public abstract class ParallelEvaluationTests(string provider) : IAsyncLifetime
{
    private const int Cases = 50;
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Fifty_parallel_evaluations_equal_the_serial_ones()
    {
        await using var host = new ApiHost(_db);
        var client = host.ClientWithKey(await host.CreateKeyAsync("parallel", "evaluate"));
        var cases = Enumerable.Range(0, Cases).Select(Variant).ToList();

        var serial = new List<string>();
        foreach (var c in cases) serial.Add(await EvaluateAsync(client, c));
        using var start = new ManualResetEventSlim();
        var parallel = cases.Select(c => Task.Run(async () => { start.Wait(); return await EvaluateAsync(client, c); })).ToList();
        start.Set();
        var answers = await Task.WhenAll(parallel);

        var differing = Enumerable.Range(0, Cases).Where(i => answers[i] != serial[i]).Select(i => $"parallel-{i}").ToList();
        differing.Should().BeEmpty("each case's advice is the same whether evaluated alone or among 49 others");
        serial.Distinct().Count().Should().BeGreaterThan(10, "the cases differ, so a mix-up between them would show");
        var chain = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        chain.IsValid.Should().BeTrue(chain.Message);
        chain.RecordsChecked.Should().Be(2 * Cases);
    }

    [Fact]
    public async Task Two_hosts_appending_in_parallel_keep_one_chain()
    {
        await using var hostA = new ApiHost(_db);
        await using var hostB = new ApiHost(_db);
        var key = await hostA.CreateKeyAsync("two-hosts", "evaluate");
        var clients = new[] { hostA.ClientWithKey(key), hostB.ClientWithKey(key) };
        var calls = Enumerable.Range(0, Cases).Select(i => Task.Run(() => EvaluateAsync(clients[i % 2], Variant(i)))).ToList();
        await Task.WhenAll(calls);

        var chain = await new ChainVerifier(_db.NewStore()).VerifyAsync();
        chain.IsValid.Should().BeTrue(chain.Message);
        chain.RecordsChecked.Should().Be(Cases);
    }

    private static async Task<string> EvaluateAsync(HttpClient client, string json)
    {
        using var r = await client.PostAsync("/api/v1/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.Should().Be(HttpStatusCode.OK, body);
        // The advice without the moment it was made, which differs between two evaluations.
        var advice = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        advice.Remove("evaluatedAt").Should().BeTrue();
        return advice.ToJsonString();
    }

    // Fifty different cases: vessel, calcium, length, stump, tracking, balloon and stage vary with i.
    private static string Variant(int i)
    {
        string[] vessels = ["LAD", "RCA", "LCX"], calcium = ["none", "mild", "moderate", "severe"], stumps = ["blunt", "tapered"];
        string[] tracking = ["intraplaque", "extraplaque"], balloon = ["incomplete", "full"], stages = ["lesion-preparation", "device-crossing", "crossing"];
        var stage = stages[i % 3];
        var balloonFact = stage == "lesion-preparation" ? $",\"balloonExpansion\":\"{balloon[(i / 3) % 2]}\"" : "";
        return $$$"""
            {"schema":"ctorules/case@1","id":"parallel-{{{i}}}","lesion":{"vessel":"{{{vessels[i % 3]}}}","calcification":"{{{calcium[i % 4]}}}","lengthMm":{{{5 + i}}},"stump":"{{{stumps[i % 2]}}}"},"procedure":{"stage":"{{{stage}}}","wireCrossed":true,"tracking":"{{{tracking[(i / 2) % 2]}}}"{{{balloonFact}}}}}
            """;
    }
}

public sealed class SqliteParallelEvaluationTests() : ParallelEvaluationTests(AuditStoreOptions.Sqlite);

public sealed class PostgresParallelEvaluationTests() : ParallelEvaluationTests(AuditStoreOptions.Postgres);
