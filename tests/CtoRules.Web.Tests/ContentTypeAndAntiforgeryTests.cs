using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CtoRules.Web.Tests;

/// <summary>Rows of docs/bad-inputs.md for HTTP (issue 15): a body that is not declared JSON, and a form post without its antiforgery token.</summary>
[Collection(nameof(WebHostCollection))]
public sealed class ContentTypeAndAntiforgeryTests(WebHost host)
{
    private const string Case = """{"schema":"ctorules/case@1","id":"ct","procedure":{"stage":"planning"}}""";

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> Post(string path, HttpContent content)
    {
        using var response = await host.Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_form_post_to_the_evaluate_endpoint_is_415_problem_json_saying_what_to_send()
    {
        var (status, media, body) = await Post("/api/evaluate", new StringContent(Case, Encoding.UTF8, "application/x-www-form-urlencoded"));

        status.Should().Be(HttpStatusCode.UnsupportedMediaType, body.ToString());
        media.Should().Be("application/problem+json");
        // Routing answers 415 itself (the endpoint declares JSON); the host words the problem.
        body.GetProperty("title").GetString().Should().Be("The body must be JSON");
        body.GetProperty("detail").GetString().Should().Be("Content-Type 'application/x-www-form-urlencoded; charset=utf-8' is not accepted; send Content-Type: application/json");
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Case));
        var (status, _, body) = await Post("/api/evaluate", content);

        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        body.GetProperty("detail").GetString().Should().Be("the request has no Content-Type; send Content-Type: application/json");
    }

    [Fact]
    public async Task Json_with_a_charset_and_a_json_suffix_type_are_accepted()
    {
        using var plain = await host.Client.PostAsync("/api/evaluate", new StringContent(Case, Encoding.UTF8, "application/json"));
        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        var suffixed = new StringContent(Case, Encoding.UTF8);
        suffixed.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.ctorules.case+json; charset=utf-8");
        using var vendor = await host.Client.PostAsync("/api/evaluate", suffixed);
        vendor.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sign_out_form_post_without_its_antiforgery_token_is_refused_and_signs_nobody_out()
    {
        using var response = await host.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent([KeyValuePair.Create("returnUrl", "/")]));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().Should().Be("The form's antiforgery token is missing or invalid");
        problem.GetProperty("detail").GetString().Should().Be("the form was not sent from this site's page, or the page is too old: reload the page and submit the form again");
        text.Should().NotContain("   at ", "no stack trace reaches a user");
    }
}
