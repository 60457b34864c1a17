using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtoRules.CdsHooks.Services;

/// <summary>A CDS Hooks 2.0 service request, read from JSON with errors that name the JSON path.</summary>
public sealed record CdsRequest(
    string Hook,
    string HookInstance,
    Uri? FhirServer,
    string? AccessToken,
    JsonObject Context,
    JsonObject? Prefetch)
{
    /// <summary>The <c>context</c> field that carries a whole case@1 (a CtoRules extension).</summary>
    public const string CaseContextField = "org.ctorules.case";

    /// <summary>String fields of the context, for prefetch tokens (<c>{{context.patientId}}</c>).</summary>
    public IReadOnlyDictionary<string, string> ContextStrings() =>
        Context.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    /// <exception cref="CdsRequestException">The body is not a CDS Hooks request.</exception>
    public static CdsRequest Parse(string json)
    {
        var root = StrictJson.Parse(json);
        if (root is not JsonObject o) throw new CdsRequestException("$", "the request must be a JSON object");
        var hook = RequiredString(o, "hook");
        var instance = RequiredString(o, "hookInstance");
        if (o["context"] is not JsonObject context) throw new CdsRequestException("context", "required object is missing");
        Uri? server = null;
        if (o["fhirServer"] is JsonNode fs)
        {
            if (fs.GetValueKind() != JsonValueKind.String || !Uri.TryCreate(fs.GetValue<string>(), UriKind.Absolute, out server)
                || server.Scheme is not ("https" or "http"))
                throw new CdsRequestException("fhirServer", "must be an absolute http(s) URL");
            // Plain http only on loopback: a bearer token must not cross a network unencrypted.
            if (server.Scheme == "http" && !server.IsLoopback)
                throw new CdsRequestException("fhirServer", "must use https (http is accepted on loopback only)");
        }
        string? token = null;
        if (o["fhirAuthorization"] is JsonObject auth)
        {
            token = auth["access_token"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>()
                : throw new CdsRequestException("fhirAuthorization.access_token", "required string is missing");
            if (auth["token_type"] is JsonValue tt && tt.GetValueKind() == JsonValueKind.String && tt.GetValue<string>() != "Bearer")
                throw new CdsRequestException("fhirAuthorization.token_type", "must be \"Bearer\"");
        }
        else if (o["fhirAuthorization"] is JsonNode other && other.GetValueKind() != JsonValueKind.Null)
            throw new CdsRequestException("fhirAuthorization", "must be an object");
        var prefetch = o["prefetch"] switch
        {
            null => null,
            JsonObject p => p,
            var p when p.GetValueKind() == JsonValueKind.Null => null,
            _ => throw new CdsRequestException("prefetch", "must be an object"),
        };
        return new CdsRequest(hook, instance, server, token, context, prefetch);
    }

    private static string RequiredString(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
            ? v.GetValue<string>()
            : throw new CdsRequestException(name, "required string is missing");
}
