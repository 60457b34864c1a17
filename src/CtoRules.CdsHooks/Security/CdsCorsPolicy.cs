namespace CtoRules.CdsHooks.Security;

/// <summary>
/// The CORS headers of a <c>/cds-services</c> response. CDS Hooks 2.0 says browser-based clients
/// need CORS and defers the secure set-up to OWASP's guidance, which this follows: a CDS call is
/// authorised by its bearer JWT, not by cookies, so <c>Access-Control-Allow-Credentials</c> is
/// never sent, and the caller's <c>Origin</c> is echoed only when it is on the allowlist (with
/// <c>*</c> on the list, the answer is the literal <c>*</c>, never an echo).
/// </summary>
public sealed class CdsCorsPolicy(IEnumerable<string> allowedOrigins)
{
    public const string AllowedMethods = "GET, POST, OPTIONS";
    public const string AllowedHeaders = "Authorization, Content-Type";

    /// <summary>How long a browser may cache a preflight answer, in seconds.</summary>
    public const string MaxAgeSeconds = "600";

    private readonly HashSet<string> _origins = allowedOrigins.Select(Normalise).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);

    public bool AllowsAny => _origins.Contains("*");

    /// <summary>The headers for a request from <paramref name="origin"/> (null: not a cross-origin browser call, no headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersFor(string? origin, bool preflight)
    {
        if (string.IsNullOrEmpty(origin)) return [];
        string allowOrigin;
        if (AllowsAny) allowOrigin = "*";
        else if (_origins.Contains(Normalise(origin))) allowOrigin = origin;
        else return [new("Vary", "Origin")];
        var headers = new List<KeyValuePair<string, string>> { new("Access-Control-Allow-Origin", allowOrigin) };
        if (!AllowsAny) headers.Add(new("Vary", "Origin"));
        if (preflight)
        {
            headers.Add(new("Access-Control-Allow-Methods", AllowedMethods));
            headers.Add(new("Access-Control-Allow-Headers", AllowedHeaders));
            headers.Add(new("Access-Control-Max-Age", MaxAgeSeconds));
        }
        return headers;
    }

    // Origins compare as scheme://host[:port] without a trailing slash, case-insensitively.
    private static string Normalise(string origin) => origin.Trim().TrimEnd('/').ToLowerInvariant();
}
