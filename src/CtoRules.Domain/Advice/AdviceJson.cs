using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            // advice@1 from the source-generated metadata; other types (explanations) by reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(AdviceJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(AdviceDocument advice, bool indented = true) =>
        JsonSerializer.Serialize(advice, indented ? Indented : Compact);

    /// <summary>Compact advice@1 as UTF-8, written from the source-generated metadata (the HTTP path).</summary>
    public static byte[] SerializeUtf8(AdviceDocument advice) => JsonSerializer.SerializeToUtf8Bytes(advice, CompactTypeInfo);

    private static readonly JsonTypeInfo<AdviceDocument> CompactTypeInfo = (JsonTypeInfo<AdviceDocument>)Compact.GetTypeInfo(typeof(AdviceDocument));

    public static AdviceDocument? Deserialize(string json) => JsonSerializer.Deserialize<AdviceDocument>(json, Indented);
}
