using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CtoRules.Audit.Storage;
using CtoRules.Audit.Tests;
using CtoRules.Storage.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtoRules.Web.Tests.Security;

/// <summary>
/// The host in memory on a real SQLite database with one signed-in client per role, one client
/// per API key scope, a trusted CDS Hooks client, and every log line the host writes at
/// Information level or above captured.
/// </summary>
public sealed partial class SecuredSite : IAsyncLifetime
{
    public const string Password = "Matrix-Password-1234";

    private TestDatabase _db = null!;

    public ApiHost Host { get; private set; } = null!;

    public CdsTestClient Cds { get; } = new();

    public LogCapture Log { get; } = new();

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    public Dictionary<Caller, string> Secrets { get; } = [];

    public string DataFolder => Path.Combine(_db.Folder, "data");

    /// <summary>The publishing key the host is configured with (Review:SigningKeyPath), outside the data folder.</summary>
    public string SigningKeyPath => Path.Combine(_db.Folder, "signing-key.pem");

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(AuditStoreOptions.Sqlite);
        using (var key = CtoRules.Packs.Signing.PackKeys.Create())
            await File.WriteAllTextAsync(SigningKeyPath, CtoRules.Packs.Signing.PackKeys.ExportPrivatePem(key));
        Host = new ApiHost(_db, configure: b =>
        {
            b.UseSetting("Review:SigningKeyPath", SigningKeyPath);
            b.UseSetting("CdsHooks:Clients:0:Issuer", CdsTestClient.Issuer);
            b.UseSetting("CdsHooks:Clients:0:Jwks", Cds.Jwks());
            // Information and above from every category: what an operator would see with verbose logs.
            b.UseSetting("Logging:LogLevel:Default", "Information");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
            b.ConfigureLogging(l => l.AddProvider(Log));
        });
        Clients[Caller.Anonymous] = NewClient();
        using (var scope = Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await users.EnsureRolesAsync();
            foreach (var (caller, role) in new[] { (Caller.Author, Roles.Author), (Caller.Reviewer, Roles.Reviewer), (Caller.Auditor, Roles.Auditor), (Caller.Admin, Roles.Admin) })
                await users.AddAsync("matrix-" + role, role, Password);
        }
        foreach (var (caller, role) in new[] { (Caller.Author, Roles.Author), (Caller.Reviewer, Roles.Reviewer), (Caller.Auditor, Roles.Auditor), (Caller.Admin, Roles.Admin) })
            Clients[caller] = await SignedInClientAsync("matrix-" + role, Password);
        foreach (var (caller, scope) in new[] { (Caller.KeyEvaluate, "evaluate"), (Caller.KeyRead, "read") })
        {
            var secret = await Host.CreateKeyAsync("matrix-" + scope, scope);
            Secrets[caller] = secret;
            var client = NewClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
            Clients[caller] = client;
        }
        Clients[Caller.CdsClient] = NewClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var c in Clients.Values) c.Dispose();
        await Host.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>A client that follows no redirect (a redirect to sign-in is how a page says "denied") and keeps cookies.</summary>
    public HttpClient NewClient(bool https = false) => Host.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    /// <summary>Sends a request as the caller; the CDS client signs a fresh JWT for the absolute URL called.</summary>
    public async Task<HttpResponseMessage> SendAsync(Caller caller, HttpMethod method, string path, string? jsonBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (jsonBody is not null) request.Content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        if (caller == Caller.CdsClient)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Cds.Token(new Uri(Clients[caller].BaseAddress!, path).GetLeftPart(UriPartial.Path)));
        return await Clients[caller].SendAsync(request);
    }

    /// <summary>Signs in through the real sign-in form (antiforgery token included), as a browser does.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name, string password, bool https = false) =>
        (await SignInAsync(name, password, https)).Client;

    /// <summary>Signs in and returns the client and the sign-in response's Set-Cookie headers (the form's and the sign-in's).</summary>
    public async Task<(HttpClient Client, IReadOnlyList<string> SetCookies)> SignInAsync(string name, string password, bool https)
    {
        var client = NewClient(https);
        using var get = await client.GetAsync("/Account/Login");
        var page = await get.Content.ReadAsStringAsync();
        var cookies = get.Headers.TryGetValues("Set-Cookie", out var c1) ? c1.ToList() : [];
        var token = ValueOf().Match(AntiforgeryField().Match(page).Value);
        token.Success.Should().BeTrue($"the sign-in form carries an antiforgery token:\n{page}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/Account/Login", form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{name} signs in ({await response.Content.ReadAsStringAsync()})");
        response.Headers.Location!.OriginalString.Should().NotContain("ChangePassword");
        if (response.Headers.TryGetValues("Set-Cookie", out var c2)) cookies.AddRange(c2);
        return (client, cookies);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex ValueOf();
}
