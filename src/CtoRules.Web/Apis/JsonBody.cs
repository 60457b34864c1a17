using Microsoft.Net.Http.Headers;

namespace CtoRules.Web.Apis;

/// <summary>
/// Endpoints that read a JSON body refuse any other declared content type with a 415 problem
/// that says what to send (issue 15's bad-input catalogue: a form post or an XML body is not
/// silently read as a case). Runs after authorisation, so a caller without a key still gets 401.
/// </summary>
public static class JsonBody
{
    public const string Title = "The body must be JSON";

    public static RouteHandlerBuilder RequireJsonBody(this RouteHandlerBuilder builder, params string[] alsoAccepted) =>
        builder.AddEndpointFilter(async (context, next) =>
            Refusal(context.HttpContext.Request.ContentType, alsoAccepted) is { } detail
                ? TypedResults.Problem(title: Title, detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType)
                : await next(context));

    /// <summary>Why the declared content type is refused, or null when it is JSON (or one of <paramref name="alsoAccepted"/>).</summary>
    public static string? Refusal(string? contentType, IReadOnlyCollection<string> alsoAccepted)
    {
        var accepted = string.Join(" or ", new[] { "application/json" }.Concat(alsoAccepted));
        if (string.IsNullOrWhiteSpace(contentType)) return $"the request has no Content-Type; send Content-Type: {accepted}";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || type.MediaType.Value is not { } media)
            return $"Content-Type '{Cut(contentType)}' cannot be read; send Content-Type: {accepted}";
        if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || alsoAccepted.Contains(media, StringComparer.OrdinalIgnoreCase))
            return null;
        return $"Content-Type '{Cut(media)}' is not accepted; send Content-Type: {accepted}";
    }

    private static string Cut(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
