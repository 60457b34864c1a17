using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CtoRules.Authoring.Diffing;

namespace CtoRules.Authoring.Rendering;

/// <summary>The diff as JSON (camelCase; bumps as lower-case names).</summary>
public static class DiffJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(RuleSetDiff diff) => JsonSerializer.Serialize(diff, Options);

    public static RuleSetDiff? Deserialize(string json) => JsonSerializer.Deserialize<RuleSetDiff>(json, Options);
}
