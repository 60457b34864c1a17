using System.Net;
using System.Text;
using System.Text.Json;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Replay;
using CtoRules.Audit.Search;
using CtoRules.Audit.Storage;
using CtoRules.Audit.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests;

/// <summary>Every /api/v1 endpoint, error kind, key scope, revocation and the rate limit; on SQLite and on PostgreSQL.</summary>
public abstract class ApiV1Tests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _host = new ApiHost(_db);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage r, HttpStatusCode status)
    {
        r.StatusCode.Should().Be(status);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await r.Content.ReadAsStringAsync();
        text.Should().NotContain("   at ", "no stack trace reaches a caller");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_key_evaluates_on_the_newest_pack_and_the_evaluation_is_audited()
    {
        var client = _host.ClientWithKey(await _host.CreateKeyAsync("lab", "evaluate"));
        using var r = await client.PostAsync("/api/v1/evaluate", Json(Samples.CaseJson("api-case-1")));
        r.StatusCode.Should().Be(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var advice = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        advice.GetProperty("caseId").GetString().Should().Be("api-case-1");
        advice.GetProperty("ruleSet").GetProperty("digest").GetString().Should().Be(Samples.Pack.Digest, "the newest published pack, never the working copy");
        var id = long.Parse(r.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture);

        var found = await _host.Services.GetRequiredService<AuditSearch>().FindAsync(new AuditQuery(CaseId: "api-case-1"));
        var record = found.Records.Should().ContainSingle().Subject;
        (record.Id, record.Caller, record.Channel).Should().Be((id, "apikey:lab", "api"));
        record.CaseJson.Should().Be(Samples.CaseJson("api-case-1"), "the case as received");
        _host.Services.GetRequiredService<AuditReplayer>().ReplayOnStoredPack(record).Identical.Should().BeTrue();
        (await _host.Services.GetRequiredService<ChainVerifier>().VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task Missing_unknown_and_revoked_keys_get_401_and_a_wrong_scope_403()
    {
        (await ProblemOf(await _host.ClientWithKey(null).PostAsync("/api/v1/evaluate", Json(Samples.CaseJson())), HttpStatusCode.Unauthorized))
            .GetProperty("title").GetString().Should().Be("An API key is required");
        await ProblemOf(await _host.ClientWithKey("ctok_not-a-real-key").GetAsync("/api/v1/packs"), HttpStatusCode.Unauthorized);

        var reader = _host.ClientWithKey(await _host.CreateKeyAsync("reader", "read"));
        await ProblemOf(await reader.PostAsync("/api/v1/evaluate", Json(Samples.CaseJson())), HttpStatusCode.Forbidden);
        (await reader.GetAsync("/api/v1/packs")).StatusCode.Should().Be(HttpStatusCode.OK);
        var evaluator = _host.ClientWithKey(await _host.CreateKeyAsync("evaluator", "evaluate"));
        await ProblemOf(await evaluator.GetAsync("/api/v1/packs"), HttpStatusCode.Forbidden);

        await _host.Services.GetRequiredService<CtoRules.Audit.Keys.ApiKeyStore>().RevokeAsync("reader");
        await ProblemOf(await reader.GetAsync("/api/v1/packs"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Errors_are_problems_invalid_case_with_paths_unknown_pack_and_too_large()
    {
        var client = _host.ClientWithKey(await _host.CreateKeyAsync("lab", "evaluate", "read"));
        var invalid = await ProblemOf(await client.PostAsync("/api/v1/evaluate",
            Json("""{"schema":"ctorules/case@1","id":"bad","lesion":{"lengthMm":"long","vesel":"RCA"},"procedure":{"stage":"planning"}}""")), HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Contain("lesion.lengthMm").And.Contain("lesion.vesel");
        await ProblemOf(await client.PostAsync("/api/v1/evaluate?pack=9.9.9", Json(Samples.CaseJson())), HttpStatusCode.NotFound);
        await ProblemOf(await client.GetAsync("/api/v1/packs/9.9.9"), HttpStatusCode.NotFound);
        await ProblemOf(await client.GetAsync("/api/v1/rules/no.such-rule"), HttpStatusCode.NotFound);
        await ProblemOf(await client.GetAsync("/api/v1/references/nobody-1900"), HttpStatusCode.NotFound);
        await ProblemOf(await client.GetAsync("/api/v1/schemas/nothing@1"), HttpStatusCode.NotFound);
        var big = "{\"schema\":\"ctorules/case@1\",\"id\":\"big\",\"description\":\"" + new string('x', 1_100_000) + "\"}";
        await ProblemOf(await client.PostAsync("/api/v1/evaluate", Json(big)), HttpStatusCode.RequestEntityTooLarge);
        (await _host.Services.GetRequiredService<AuditSearch>().FindAsync(new AuditQuery())).Total.Should().Be(0, "nothing was evaluated");
    }

    [Fact]
    public async Task A_batch_streams_one_line_per_case_and_a_bad_case_is_one_error_line()
    {
        var client = _host.ClientWithKey(await _host.CreateKeyAsync("lab", "evaluate"));
        var ndjson = Samples.CaseJson("b-1") + "\n{\"schema\":\"ctorules/case@1\",\"id\":\"b-2\",\"procedure\":{\"stage\":\"nowhere\"}}\n" + Samples.CaseJson("b-3") + "\n";
        using var r = await client.PostAsync("/api/v1/evaluate/batch", Json(ndjson, "application/x-ndjson"));
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(3);
        lines[0].GetProperty("caseId").GetString().Should().Be("b-1");
        var error = lines[1].GetProperty("error");
        (error.GetProperty("index").GetInt32(), error.GetProperty("caseId").GetString()).Should().Be((1, "b-2"));
        error.GetProperty("errors")[0].GetProperty("path").GetString().Should().Be("procedure.stage");
        lines[2].GetProperty("caseId").GetString().Should().Be("b-3");

        using var array = await client.PostAsync("/api/v1/evaluate/batch", Json("[" + Samples.CaseJson("a-1") + "," + Samples.CaseJson("a-2") + "]"));
        (await array.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
        var audited = await _host.Services.GetRequiredService<AuditSearch>().FindAsync(new AuditQuery(Channel: "api-batch"));
        audited.Total.Should().Be(4);
        await ProblemOf(await client.PostAsync("/api/v1/evaluate/batch", Json("[{\"unclosed\"")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_endpoints_serve_packs_rules_references_and_schemas()
    {
        var client = _host.ClientWithKey(await _host.CreateKeyAsync("reader", "read"));
        var packs = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs")).RootElement;
        packs[0].GetProperty("digest").GetString().Should().Be(Samples.Pack.Digest);
        packs[0].GetProperty("signedBy").GetString().Should().StartWith("sha256:");
        var version = packs[0].GetProperty("version").GetString();
        var file = await client.GetStringAsync($"/api/v1/packs/{version}");
        file.Should().Be(await File.ReadAllTextAsync(Samples.Pack.File));

        var rules = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/rules?pack={version}")).RootElement;
        rules.GetArrayLength().Should().Be(Samples.Pack.Manifest.RuleCount);
        var rule = JsonDocument.Parse(await client.GetStringAsync("/api/v1/rules/prep.nc-balloon")).RootElement;
        rule.GetProperty("actions")[0].GetString().Should().Be("NC-BALLOON");
        rule.GetProperty("rationaleHtml").GetString().Should().Contain("<p>");
        rule.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("key").GetString()).Should().Contain("eurocto-2023");
        var reference = JsonDocument.Parse(await client.GetStringAsync("/api/v1/references/eurocto-2023")).RootElement;
        reference.GetProperty("citation").GetString().Should().Contain("2023");

        var caseSchema = JsonDocument.Parse(await client.GetStringAsync("/api/v1/schemas/case@1")).RootElement;
        caseSchema.GetProperty("$id").GetString().Should().Be("ctorules/case@1");
        var adviceSchema = JsonDocument.Parse(await client.GetStringAsync("/api/v1/schemas/advice@1")).RootElement;
        adviceSchema.GetProperty("properties").TryGetProperty("ruleSet", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Explain_returns_the_annotated_condition()
    {
        var client = _host.ClientWithKey(await _host.CreateKeyAsync("lab", "evaluate"));
        var body = "{\"ruleId\":\"prep.extraplaque.avoid-atherectomy\",\"case\":" + Samples.CaseJson() + "}";
        using var r = await client.PostAsync("/api/v1/explain", Json(body));
        r.StatusCode.Should().Be(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("ruleId").GetString().Should().Be("prep.extraplaque.avoid-atherectomy");
        json.GetProperty("outcome").GetString().Should().Be("fired");
        await ProblemOf(await client.PostAsync("/api/v1/explain", Json("{\"ruleId\":\"nope\",\"case\":" + Samples.CaseJson() + "}")), HttpStatusCode.NotFound);
        (await ProblemOf(await client.PostAsync("/api/v1/explain", Json("{\"ruleId\":\"prep.extraplaque.avoid-atherectomy\",\"case\":{\"schema\":\"ctorules/case@1\",\"id\":\"x\"}}")), HttpStatusCode.BadRequest))
            .GetProperty("errors")[0].GetProperty("path").GetString().Should().StartWith("case.");
        await ProblemOf(await client.PostAsync("/api/v1/explain", Json("{\"case\":{}}")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Over_the_rate_limit_a_key_gets_429_with_retry_after_and_other_keys_do_not()
    {
        await using var limited = new ApiHost(_db, permitsPerMinute: 3);
        var a = limited.ClientWithKey(await limited.CreateKeyAsync("a", "read"));
        var b = limited.ClientWithKey(await limited.CreateKeyAsync("b", "read"));
        for (var i = 0; i < 3; i++) (await a.GetAsync("/api/v1/packs")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var over = await a.GetAsync("/api/v1/packs");
        await ProblemOf(over, (HttpStatusCode)429);
        int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        (await b.GetAsync("/api/v1/packs")).StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per key");
    }

    [Fact]
    public async Task Two_hosts_on_one_database_keep_one_chain()
    {
        await using var second = new ApiHost(_db);
        var key = await _host.CreateKeyAsync("lab", "evaluate");
        var clients = new[] { _host.ClientWithKey(key), second.ClientWithKey(key) };
        var posts = Enumerable.Range(0, 20).Select(i => clients[i % 2].PostAsync("/api/v1/evaluate", Json(Samples.CaseJson("two-hosts-" + i))));
        foreach (var r in await Task.WhenAll(posts)) r.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await new ChainVerifier(_db.NewStore()).VerifyAsync();
        result.IsValid.Should().BeTrue(result.Message);
        result.RecordsChecked.Should().Be(20);
    }

    [Fact]
    public async Task OpenApi_and_the_reference_page_are_served()
    {
        var client = _host.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/evaluate", "/api/v1/evaluate/batch", "/api/v1/packs", "/api/v1/packs/{version}", "/api/v1/rules", "/api/v1/rules/{id}",
            "/api/v1/references/{key}", "/api/v1/schemas/{name}", "/api/v1/explain"]);
        doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _).Should().BeTrue();
        using var page = await client.GetAsync("/api/docs");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("openapi/v1.json");
    }
}

public sealed class SqliteApiV1Tests() : ApiV1Tests(AuditStoreOptions.Sqlite);

public sealed class PostgresApiV1Tests() : ApiV1Tests(AuditStoreOptions.Postgres);
