using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CtoRules.CdsHooks.Services;

/// <summary>One service in the discovery response (<c>GET /cds-services</c>).</summary>
public sealed record CdsServiceDefinition(
    [property: JsonPropertyName("hook")] string Hook,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("prefetch")] ImmutableSortedDictionary<string, string> Prefetch,
    [property: JsonPropertyName("usageRequirements")] string UsageRequirements);
