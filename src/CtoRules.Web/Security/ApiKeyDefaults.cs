using CtoRules.Audit.Keys;
using Microsoft.AspNetCore.Authorization;

namespace CtoRules.Web.Security;

/// <summary>
/// The <c>ApiKey</c> authentication scheme (header <c>X-Api-Key</c>) and the policies of its
/// scopes. The API's policies accept only this scheme, so a site cookie never authorizes an API
/// call and a key never opens a page.
/// </summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "ctorules:scope";
    public const string KeyNameClaim = "ctorules:apikey";

    public const string CanEvaluate = "ApiEvaluate";
    public const string CanRead = "ApiRead";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(CanEvaluate, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ScopeClaim, ApiScopes.Evaluate));
        options.AddPolicy(CanRead, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(ScopeClaim, ApiScopes.Read));
    }
}
