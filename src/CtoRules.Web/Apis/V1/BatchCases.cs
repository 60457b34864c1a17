using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtoRules.Web.Apis.V1;

/// <summary>
/// Splits a batch body into one JSON text per case: a JSON array (each element), or NDJSON (each
/// non-blank line; a line that is not JSON still becomes its own case and its own error line).
/// </summary>
public static class BatchCases
{
    /// <exception cref="JsonException">The body starts as a JSON array but is not one.</exception>
    public static List<string> Split(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('['))
        {
            var array = JsonNode.Parse(trimmed) as JsonArray ?? throw new JsonException("the body is not a JSON array");
            return [.. array.Select(n => n?.ToJsonString() ?? "null")];
        }
        return [.. body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)];
    }
}
