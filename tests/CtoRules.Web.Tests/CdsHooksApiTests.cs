using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CtoRules.Web.Tests;

/// <summary>CDS Hooks on the real built host: discovery, CORS, JWT, cards for a FHIR patient, feedback.</summary>
[Collection(nameof(WebHostCollection))]
public sealed class CdsHooksApiTests(WebHost host)
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private async Task<HttpResponseMessage> Post(string path, string json, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signed) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.CdsClient.Token(host.Client.BaseAddress!.ToString().TrimEnd('/') + path));
        return await host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Discovery_lists_both_services_with_prefetch_derived_from_the_rules()
    {
        var doc = JsonNode.Parse(await host.Client.GetStringAsync("/cds-services"))!;
        var services = doc["services"]!.AsArray();
        services.Select(s => (string)s!["id"]!).Should().Equal("cto-calcium-advisor", "cto-calcium-advisor-patient-view");
        services.Select(s => (string)s!["hook"]!).Should().Equal("order-select", "patient-view");
        ((string)services[0]!["prefetch"]!["observations"]!).Should().Contain("http://loinc.org|62238-1");
        ((string)services[0]!["usageRequirements"]!).Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_preflight_gets_the_CORS_headers_the_specification_asks_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services/cto-calcium-advisor");
        request.Headers.Add("Origin", "https://ehr.example.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("Authorization").And.Contain("Content-Type");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Be("GET, POST, OPTIONS");
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse("calls carry a JWT, never cookies");
    }

    [Fact]
    public async Task A_call_without_a_JWT_is_refused_with_a_problem()
    {
        using var response = await Post("/cds-services/cto-calcium-advisor", Fixture("order-select-patient-cabg.json"), signed: false);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("no Authorization: Bearer token");
    }

    [Fact]
    public async Task A_FHIR_patient_gets_cards_and_an_override_is_stored_once()
    {
        using var response = await Post("/cds-services/cto-calcium-advisor", Fixture("order-select-patient-cabg.json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var cards = JsonNode.Parse(body)!["cards"]!.AsArray();
        cards.Should().NotBeEmpty();
        var card = cards[0]!;
        ((string)card["source"]!["url"]!).Should().StartWith(host.Client.BaseAddress!.ToString().TrimEnd('/') + "/rules/");

        var feedback = Fixture("feedback-overridden.json").Replace("{{card}}", (string)card["uuid"]!);
        using (var first = await Post("/cds-services/cto-calcium-advisor/feedback", feedback))
            JsonNode.Parse(await first.Content.ReadAsStringAsync())!["stored"]!.GetValue<int>().Should().Be(1);
        using (var again = await Post("/cds-services/cto-calcium-advisor/feedback", feedback))
            JsonNode.Parse(await again.Content.ReadAsStringAsync())!["duplicates"]!.GetValue<int>().Should().Be(1);
        // The card leads back to the audit record of the call that showed it (channel cds-hooks).
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "ctorules.db")};Mode=ReadOnly");
        db.Open();
        using var cardQuery = db.CreateCommand();
        cardQuery.CommandText = "SELECT AuditRecordId FROM cds_cards WHERE Uuid = $uuid";
        cardQuery.Parameters.AddWithValue("$uuid", (string)card["uuid"]!);
        var auditId = cardQuery.ExecuteScalar() as string;
        auditId.Should().MatchRegex(@"^\d+$");
        using var auditQuery = db.CreateCommand();
        auditQuery.CommandText = "SELECT Channel FROM AuditRecords WHERE Id = $id";
        auditQuery.Parameters.AddWithValue("$id", long.Parse(auditId!, System.Globalization.CultureInfo.InvariantCulture));
        (auditQuery.ExecuteScalar() as string).Should().Be("cds-hooks");
    }

    [Fact]
    public async Task The_committee_page_needs_a_signed_in_user()
    {
        using var response = await host.Client.GetAsync("/committee/overrides");
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/Account/Login");
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_problem()
    {
        using var response = await Post("/cds-services/nope", "{}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
