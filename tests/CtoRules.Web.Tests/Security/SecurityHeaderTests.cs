using System.Net;
using System.Net.Http.Headers;
using CtoRules.Audit.Checkpoints;
using CtoRules.Audit.Tests;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests.Security;

/// <summary>
/// Issue 15, item 6 beyond the matrix: the security headers on every kind of answer, the cookies'
/// flags, no secret or case data in the log at Information level, and no route that hands out a
/// private key.
/// </summary>
public sealed class SecurityHeaderTests(SecuredSite site) : IClassFixture<SecuredSite>
{
    [Theory]
    [InlineData(Caller.Anonymous, "GET", "/Account/Login")]
    [InlineData(Caller.Author, "GET", "/rules")]
    [InlineData(Caller.Anonymous, "GET", "/rules")]
    [InlineData(Caller.Anonymous, "GET", "/app.css")]
    [InlineData(Caller.Anonymous, "GET", "/health")]
    [InlineData(Caller.Anonymous, "GET", "/no-such-page")]
    [InlineData(Caller.Anonymous, "POST", "/api/v1/evaluate")]
    [InlineData(Caller.KeyEvaluate, "POST", "/api/v1/evaluate")]
    [InlineData(Caller.Anonymous, "POST", "/cds-services/cto-calcium-advisor")]
    public async Task Every_answer_carries_the_security_headers(Caller caller, string method, string path)
    {
        using var r = await site.SendAsync(caller, new HttpMethod(method), path, method == "POST" ? "{" : null);
        var headers = r.Headers.Concat(r.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        headers.Should().Contain("Content-Security-Policy", SecurityHeaders.ContentSecurityPolicy);
        headers.Should().Contain("X-Content-Type-Options", "nosniff");
        headers.Should().Contain("X-Frame-Options", "DENY");
        headers.Should().Contain("Referrer-Policy", "same-origin");
        headers["Content-Security-Policy"].Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self';").And.NotContain("unsafe-eval");
    }

    [Fact]
    public async Task The_api_reference_alone_may_run_its_inline_configuration_script()
    {
        using var r = await site.SendAsync(Caller.Anonymous, HttpMethod.Get, "/api/docs/v1");
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        r.Headers.GetValues("Content-Security-Policy").Should().Equal(SecurityHeaders.ApiReferencePolicy);
        (await r.Content.ReadAsStringAsync()).Should().NotContain("cdn.", "the reference's scripts are served by the host, as the policy requires");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cookies_are_http_only_same_site_strict_and_secure_over_https(bool https)
    {
        var (client, cookies) = await site.SignInAsync("matrix-" + CtoRules.Storage.Identity.Roles.Reviewer, SecuredSite.Password, https);
        client.Dispose();
        cookies.Should().Contain(c => c.StartsWith("ctorules.auth=", StringComparison.Ordinal), "signing in sets the session cookie");
        cookies.Should().Contain(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal), "the form sets the antiforgery cookie");
        foreach (var cookie in cookies)
        {
            var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
            flags.Should().Contain("httponly", cookie);
            flags.Should().Contain("samesite=strict", cookie);
            if (https) flags.Should().Contain("secure", cookie);
        }
    }

    [Fact]
    public async Task The_log_at_information_level_holds_no_secret_and_no_case_data()
    {
        const string caseId = "log-probe-case-7f3a";
        using (var r = await site.SendAsync(Caller.KeyEvaluate, HttpMethod.Post, "/api/v1/evaluate", Samples.CaseJson(caseId)))
            r.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var r = await site.SendAsync(Caller.KeyRead, HttpMethod.Get, "/api/v1/packs"))
            r.StatusCode.Should().Be(HttpStatusCode.OK);
        var cdsPath = "/cds-services/cto-calcium-advisor";
        var token = site.Cds.Token("http://localhost" + cdsPath);
        using (var request = new HttpRequestMessage(HttpMethod.Post, cdsPath) { Content = new StringContent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "order-select-patient-cabg.json")), System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await site.Clients[Caller.Anonymous].SendAsync(request);
            r.StatusCode.Should().Be(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
        using (var wrong = await site.NewClient().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Password"] = "Wrong-Password-9876" }))) { }
        (await site.SignedInClientAsync("matrix-" + CtoRules.Storage.Identity.Roles.Author, SecuredSite.Password)).Dispose();

        var log = string.Join('\n', site.Log.Lines);
        site.Log.Lines.Should().Contain(l => l.Contains("/api/v1/evaluate", StringComparison.Ordinal), "the capture sees the requests at Information level");
        foreach (var secret in site.Secrets.Values.Append(SecuredSite.Password).Append("Wrong-Password-9876").Append(token).Append(token.Split('.')[2]))
            log.Should().NotContain(secret, "no password, API key or token is logged");
        log.Should().NotContain(caseId, "no case data is logged").And.NotContain("calciumArcDeg").And.NotContain("extraplaque");
        log.Should().NotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task No_route_hands_out_a_private_key()
    {
        // The checkpoint key is created on first use; make sure it exists on disk, as on a live host.
        site.Host.Services.GetRequiredService<CheckpointService>().Should().NotBeNull();
        var auditKey = Path.Combine(site.DataFolder, "audit-key.pem");
        File.Exists(auditKey).Should().BeTrue();
        var keyFiles = new[] { auditKey, site.SigningKeyPath }.Concat(Directory.GetFiles(Path.Combine(site.DataFolder, "keys"))).ToList();
        keyFiles.Should().HaveCountGreaterThanOrEqualTo(3, "the checkpoint key, the publishing key and the cookie keys");
        var secrets = keyFiles.Select(f => KeyMaterial(File.ReadAllText(f))).ToList();

        var names = keyFiles.SelectMany(f => new[]
        {
            Path.GetFileName(f), "data/" + Path.GetFileName(f), "../data/" + Path.GetFileName(f), "../../data/" + Path.GetFileName(f),
            "keys/" + Path.GetFileName(f), "data/keys/" + Path.GetFileName(f), f,
        }).Distinct().ToList();
        var routes = AuthorizationMatrix.RoutesOf(site.Host.Services.GetRequiredService<EndpointDataSource>())
            .Where(r => r.StartsWith("GET ", StringComparison.Ordinal) || r.StartsWith("* ", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(' ') + 1)..]).Where(p => p != AuthorizationMatrix.StaticFiles).ToList();
        var paths = new List<string>();
        foreach (var name in names)
        {
            var escaped = Uri.EscapeDataString(name);
            paths.Add("/" + name.TrimStart('/'));
            paths.Add("/_content/" + name.TrimStart('/'));
            foreach (var route in routes)
            {
                var filled = System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", escaped);
                paths.Add(filled + "?pack=" + escaped + "&path=" + escaped + "&file=" + escaped + "&format=" + escaped);
            }
        }

        var leaks = new List<string>();
        foreach (var caller in new[] { Caller.Anonymous, Caller.Admin, Caller.Auditor, Caller.KeyRead })
            foreach (var path in paths.Distinct())
            {
                using var r = await site.SendAsync(caller, HttpMethod.Get, path);
                var body = await r.Content.ReadAsStringAsync();
                if (body.Contains("PRIVATE KEY", StringComparison.Ordinal) || secrets.Any(s => body.Contains(s, StringComparison.Ordinal)))
                    leaks.Add($"GET {path} as {caller}: {(int)r.StatusCode}");
            }
        leaks.Should().BeEmpty();
        paths.Distinct().Count().Should().BeGreaterThan(100);
    }

    // A stretch of the key's own material (not its PEM armour or XML framing), long enough to be unique.
    private static string KeyMaterial(string text)
    {
        var value = text.Contains("<value>", StringComparison.Ordinal) ? text[(text.IndexOf("<value>", StringComparison.Ordinal) + 7)..] : text.Split('\n')[1];
        return value.Trim()[..32];
    }
}
