using System.Security.Claims;
using System.Text.Encodings.Web;
using CtoRules.Audit.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CtoRules.Web.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c> against the stored key hashes. Without a key or with an unknown
/// or revoked one the API answers 401; with a key that lacks the scope, 403; both as problem+json.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(values[0]!, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("unknown or revoked API key");
        var claims = new List<Claim> { new(ClaimTypes.Name, "apikey:" + key.Name), new(ApiKeyDefaults.KeyNameClaim, key.Name) };
        claims.AddRange(key.ScopeList.Select(s => new Claim(ApiKeyDefaults.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "An API key is required",
            $"send a valid, unrevoked key in the {ApiKeyDefaults.Header} header (an admin creates one with `ctorules apikey create`)");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "The API key lacks the scope this endpoint needs",
            "evaluate and explain need the 'evaluate' scope; packs, rules, references and schemas need 'read'");

    private Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) Response.Headers.WWWAuthenticate = ApiKeyDefaults.Scheme + " header=\"" + ApiKeyDefaults.Header + "\"";
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);
    }
}
