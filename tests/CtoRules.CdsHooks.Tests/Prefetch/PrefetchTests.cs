using System.Collections.Concurrent;
using CtoRules.CdsHooks.Mapping;
using CtoRules.CdsHooks.Prefetch;
using CtoRules.CdsHooks.Services;
using CtoRules.Language.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.CdsHooks.Tests.Prefetch;

public class PrefetchTests
{
    [Fact]
    public void Discovery_prefetch_is_derived_from_the_paths_the_rules_read()
    {
        var plan = PrefetchPlanner.Plan(PrefetchPlanner.PathsRead(TestRules.RuleSet), FhirMappingTable.Default);
        plan.Keys.Should().BeEquivalentTo(["patient", "observations", "conditions", "procedures"]);
        plan["patient"].Should().Be("Patient/{{context.patientId}}");
        plan["observations"].Should().StartWith("Observation?patient={{context.patientId}}&code=")
            .And.Contain("http://loinc.org|62238-1").And.Contain("https://ctorules.org/fhir/CodeSystem/cto-findings|lesion-calcification");
        plan["procedures"].Should().Be("Procedure?patient={{context.patientId}}&code=http://snomed.info/sct|232717009");
    }

    [Fact]
    public void A_rule_set_that_stops_reading_a_fact_drops_its_codes_from_discovery()
    {
        var withoutEgfr = new RuleSet
        {
            Manifest = TestRules.RuleSet.Manifest,
            Rules = [.. TestRules.RuleSet.Rules.Where(r => !r.Condition.CasePaths().Contains("patient.egfr")
                && !r.Condition.DerivedFacts().Any())],
            Scores = TestRules.RuleSet.Scores,
            Bibliography = TestRules.RuleSet.Bibliography,
            Sources = TestRules.RuleSet.Sources,
            ContentDigest = "test",
        };
        PrefetchPlanner.PathsRead(TestRules.RuleSet).Should().Contain("patient.egfr");
        var before = PrefetchPlanner.Plan(PrefetchPlanner.PathsRead(TestRules.RuleSet), FhirMappingTable.Default);
        var after = PrefetchPlanner.Plan(PrefetchPlanner.PathsRead(withoutEgfr), FhirMappingTable.Default);
        before["observations"].Should().Contain("62238-1");
        (after.GetValueOrDefault("observations") ?? "").Should().NotContain("62238-1");
    }

    [Fact]
    public async Task Missing_prefetch_is_read_from_the_fhir_server_with_the_bearer_token()
    {
        var seen = new ConcurrentQueue<(string Path, string Auth)>();
        await using var stub = await StartFhirStub(seen);
        var server = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var json = TestRules.Fixture("order-select-fhirserver.json").Replace("http://127.0.0.1:1/fhir", server + "/fhir");

        var result = await TestRules.Service().CallAsync(CdsHookService.OrderSelectServiceId, CdsRequest.Parse(json), "https://site", CancellationToken.None);

        seen.Should().Contain(r => r.Path.StartsWith("/fhir/Observation") && r.Auth == "Bearer stub-token-3");
        result.Notes.Should().Contain(n => n.Contains("the client could not fetch it") && n.Contains("prefetch query timed out"));
        result.Facts.Should().Contain(f => f.Path == "patient.egfr" && f.Value == "24");
        result.Facts.Should().Contain(f => f.Path == "lesion.vessel" && f.Value == "LCX" && f.Source == "Observation/vessel-3");
        result.Cards.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_fhir_server_that_refuses_the_token_leaves_facts_unknown_with_a_note()
    {
        var seen = new ConcurrentQueue<(string Path, string Auth)>();
        await using var stub = await StartFhirStub(seen);
        var server = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var json = TestRules.Fixture("order-select-fhirserver.json").Replace("http://127.0.0.1:1/fhir", server + "/fhir").Replace("stub-token-3", "wrong");

        var result = await TestRules.Service().CallAsync(CdsHookService.OrderSelectServiceId, CdsRequest.Parse(json), "https://site", CancellationToken.None);

        result.Notes.Should().Contain(n => n.StartsWith("'observations' from fhirServer failed") && n.Contains("invalid token"));
        result.Facts.Should().NotContain(f => f.Path == "patient.egfr");
    }

    /// <summary>A small FHIR server on loopback: one patient's searches, behind a bearer token.</summary>
    private static async Task<WebApplication> StartFhirStub(ConcurrentQueue<(string, string)> seen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var observations = TestRules.Fixture("fhirserver-observations-pt-renal-lcx.json");
        const string Empty = """{"resourceType":"Bundle","type":"searchset","total":0}""";
        app.Run(async ctx =>
        {
            seen.Enqueue((ctx.Request.Path + ctx.Request.QueryString, ctx.Request.Headers.Authorization.ToString()));
            ctx.Response.ContentType = "application/fhir+json";
            if (ctx.Request.Headers.Authorization != "Bearer stub-token-3")
            {
                ctx.Response.StatusCode = 401;
                await ctx.Response.WriteAsync("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"security","diagnostics":"invalid token"}]}""");
                return;
            }
            var patient = ctx.Request.Query["patient"].ToString();
            var body = ctx.Request.Path.Value switch
            {
                "/fhir/Observation" when patient == "pt-renal-lcx" => observations,
                _ => Empty,
            };
            await ctx.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return app;
    }
}
