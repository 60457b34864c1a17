namespace CtoRules.Web.Security;

/// <summary>
/// The response headers every answer carries (issue 15): a Content-Security-Policy that the
/// site's pages satisfy (measured in Chromium by tests/CtoRules.Web.BrowserTests), no MIME
/// sniffing, no framing by another site, and no full URL in the Referer.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the site itself: no inline script and no <c>eval</c> (Blazor Server,
    /// MudBlazor and Monaco run without either). Styles need <c>'unsafe-inline'</c>: MudBlazor
    /// and Monaco set <c>style</c> attributes and inject style elements at run time. Monaco starts
    /// its worker from a <c>blob:</c> URL; images and fonts may be <c>data:</c> URLs (MudBlazor's
    /// icons, Monaco's codicon font).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, <c>/api/docs</c>) configures itself with an inline script and its
    /// bundle calls <c>eval</c> (measured in Chromium); it shows no user data and takes no input
    /// but the API's description, so it alone may run inline script and eval. It still loads
    /// nothing from another site and may not be framed.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api/docs";

    public static void Apply(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
    }
}
