using System.Text.Json.Nodes;
using CtoRules.Cases;

namespace CtoRules.CdsHooks.Services;

/// <summary>
/// Parses a CDS Hooks body with the case reader's strict JSON reader: a duplicate property or a
/// lone UTF-16 surrogate escape is a 400 with its path, line and column. JsonNode.Parse accepts
/// both and throws later, when the object is first walked, with no location (found by fuzzing).
/// </summary>
internal static class StrictJson
{
    /// <exception cref="CdsRequestException">The body is not JSON, or not JSON the service can read.</exception>
    public static JsonNode? Parse(string json)
    {
        var (node, errors) = JsonText.Parse(json);
        if (errors.Count > 0) throw new CdsRequestException(errors[0].Path, "not JSON: " + errors[0].Message);
        return node;
    }
}
