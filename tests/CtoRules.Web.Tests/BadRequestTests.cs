using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CtoRules.Web.Tests;

/// <summary>Rows of docs/bad-inputs.md for the HTTP API (issue 8), against the real started host.</summary>
[Collection(nameof(WebHostCollection))]
public sealed class BadRequestTests(WebHost host)
{
    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem, long Length)> Post(byte[] bytes)
    {
        using var response = await host.Client.PostAsync("/api/evaluate", Body(bytes));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement, Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_400_not_500()
    {
        var (status, problem, _) = await Post(Encoding.UTF8.GetBytes("{\"schema\":\"ctorules/case@1\",\"id\":\"\\ud800\"}"));
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Be("id: invalid \\u escape at line 1, column 34: a UTF-16 surrogate must come in a high-low pair");
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_is_400_with_its_location()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"schema\":\"ctorules/case@1\",\"id\":\"a"), 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        var (status, problem, _) = await Post(body);
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Be("$: invalid UTF-8 at line 1, column 36 (byte 0xFF at offset 35); the text must be UTF-8");
    }

    [Fact]
    public async Task Seventy_thousand_unknown_properties_give_a_small_capped_answer_with_each_error_once()
    {
        var json = new StringBuilder("{\"schema\":\"ctorules/case@1\",\"id\":\"a\",\"procedure\":{\"stage\":\"planning\"}");
        for (var i = 0; i < 70_000; i++) json.Append(",\"p").Append(i).Append("\":0");
        var (status, problem, length) = await Post(Encoding.UTF8.GetBytes(json.Append('}').ToString()));
        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetArrayLength().Should().Be(101);
        problem.GetProperty("detail").GetString().Should().Be("p0: unknown property 'p0' (and 100 more in errors)");
        length.Should().BeLessThan(20_000);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/ruleset")]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Malformed_chunked_framing_is_400_problem_json()
    {
        var answer = await Raw("POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n", trickle: false);
        answer.Should().StartWith("HTTP/1.1 400 Bad Request").And.Contain("application/problem+json").And.Contain("\"title\":\"The request is malformed\"");
    }

    [Fact]
    public async Task A_body_trickled_at_one_byte_a_second_is_408_problem_json()
    {
        var answer = await Raw("POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{", trickle: true);
        answer.Should().StartWith("HTTP/1.1 408 Request Timeout").And.Contain("\"title\":\"The request body arrived too slowly\"");
    }

    private async Task<string> Raw(string request, bool trickle)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.Client.BaseAddress!.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        var read = stream.ReadAsync(buffer).AsTask();
        // Trickle one byte a second until the host answers (it cuts the body off after its grace period).
        for (var i = 0; trickle && i < 60 && !read.IsCompleted; i++)
        {
            await Task.WhenAny(read, Task.Delay(1000));
            if (!read.IsCompleted) try { await stream.WriteAsync(" "u8.ToArray()); } catch (IOException) { break; }
        }
        var n = await read.WaitAsync(TimeSpan.FromSeconds(60));
        return Encoding.ASCII.GetString(buffer, 0, n);
    }
}
