using System.Text.Json.Serialization;

namespace CtoRules.Engine.Facts;

/// <summary>Three-valued (Kleene) truth: unknown is not false.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Truth>))]
public enum Truth : byte
{
    [JsonStringEnumMemberName("false")]
    False,

    [JsonStringEnumMemberName("true")]
    True,

    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
