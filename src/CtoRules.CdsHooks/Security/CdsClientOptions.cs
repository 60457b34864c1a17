namespace CtoRules.CdsHooks.Security;

/// <summary>
/// Configuration section <c>CdsHooks</c>: the trusted CDS clients and the development switch.
/// </summary>
public sealed class CdsHooksOptions
{
    public const string Section = "CdsHooks";

    /// <summary>Issuers allowed to call, each with its public keys.</summary>
    public List<CdsClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// Development only: accept calls without a JWT. Refused outside the Development environment,
    /// and logged as a warning at start-up and on each unauthenticated call.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>The public base URL of this service (the JWT <c>aud</c> is built from it); default: the request's own.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The site's base URL for rule page links in cards; default: <see cref="BaseUrl"/>.</summary>
    public string? SiteBaseUrl { get; set; }

    /// <summary>
    /// Browser origins allowed to call (CORS), e.g. <c>https://ehr.example.org</c>; <c>*</c> (the
    /// default) allows any origin. Calls are authorised by the JWT, never by cookies, so no
    /// origin is ever granted credentials.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = ["*"];
}

/// <summary>One trusted CDS client: its <c>iss</c> and its JWKS, inline or at a URL.</summary>
public sealed class CdsClientOptions
{
    public string Issuer { get; set; } = "";

    /// <summary>A JWK Set as JSON text (<c>{"keys":[…]}</c>).</summary>
    public string? Jwks { get; set; }

    /// <summary>Where the client publishes its JWK Set (fetched and cached).</summary>
    public string? JwksUrl { get; set; }
}
