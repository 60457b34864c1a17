using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CtoRules.Web.Tests;

[Collection(nameof(WebHostCollection))]
public sealed class ApiTests(WebHost host)
{
    private const string ValidCase = """
        {
          "schema": "ctorules/case@1",
          "id": "web-heavy-planning",
          "patient": { "ageYears": 72, "priorCabg": true },
          "lesion": { "calcification": "severe", "lengthMm": 32, "stump": "blunt", "tortuosity": "severe" },
          "procedure": { "stage": "planning" }
        }
        """;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Health_answers_when_the_rule_set_is_loaded()
    {
        using var response = await host.Client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("healthy");
    }

    [Fact]
    public async Task The_rule_set_endpoint_names_id_version_digest_and_rule_count()
    {
        using var response = await host.Client.GetAsync("/api/ruleset");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("id").GetString().Should().Be("eurocto-calcified-cto");
        json.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("digest").GetString().Should().StartWith("sha256:");
        json.GetProperty("rules").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_valid_case_gets_advice_with_reasons()
    {
        using var response = await host.Client.PostAsync("/api/evaluate", Json(ValidCase));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("schema").GetString().Should().Be("ctorules/advice@1");
        json.GetProperty("caseId").GetString().Should().Be("web-heavy-planning");
        var advice = json.GetProperty("advice").EnumerateArray().ToList();
        advice.Should().NotBeEmpty();
        advice.Should().Contain(a => a.GetProperty("because").GetArrayLength() > 0, "advice names the facts that made it apply");
        json.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetString()).Should().Contain("J-CTO");
    }

    [Fact]
    public async Task An_invalid_case_is_a_400_problem_with_the_json_paths()
    {
        const string invalid = """{ "schema": "ctorules/case@1", "id": "bad", "lesion": { "lengthMm": 400, "colour": "red" }, "procedure": { "stage": "planning" } }""";
        using var response = await host.Client.PostAsync("/api/evaluate", Json(invalid));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("status").GetInt32().Should().Be(400);
        json.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        var paths = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        paths.Should().Contain("lesion.lengthMm").And.Contain("lesion.colour");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_at_the_root()
    {
        using var response = await host.Client.PostAsync("/api/evaluate", Json("{ not json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("errors")[0].GetProperty("path").GetString().Should().Be("$");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_problem()
    {
        var big = "{\"schema\":\"ctorules/case@1\",\"id\":\"big\",\"description\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var response = await host.Client.PostAsync("/api/evaluate", Json(big));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().Should().Be(413);
    }

    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_refused_too()
    {
        var big = new byte[CtoRulesLimits.MaxInputBytes + 10];
        Array.Fill(big, (byte)' ');
        var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Unknown_routes_are_problem_json_too()
    {
        using var response = await host.Client.GetAsync("/api/nothing-here");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static class CtoRulesLimits
    {
        public const int MaxInputBytes = 1024 * 1024;
    }
}
