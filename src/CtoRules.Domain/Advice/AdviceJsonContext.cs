using System.Text.Json.Serialization;

namespace CtoRules.Advice;

/// <summary>
/// advice@1's serialisation metadata generated at build time (System.Text.Json source
/// generation): writing advice on the HTTP path and in bulk needs no reflection. The options that
/// shape the JSON (camelCase, nulls written, relaxed escaping, UTC timestamps) are
/// <see cref="AdviceJson"/>'s; a test checks the output equals the reflection-based writer's byte
/// for byte.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AdviceDocument))]
internal sealed partial class AdviceJsonContext : JsonSerializerContext;
