using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CtoRules.Advice;

/// <summary>The JSON form of advice@1: camelCase, nulls written (e.g. <c>"digest": null</c>).</summary>
public static class AdviceJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            Converters = { new UtcTimestampConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(AdviceDocument advice, bool indented = true) =>
        JsonSerializer.Serialize(advice, indented ? Indented : Compact);

    public static AdviceDocument? Deserialize(string json) => JsonSerializer.Deserialize<AdviceDocument>(json, Indented);
}
