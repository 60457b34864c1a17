using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CtoRules.CdsHooks.Cards;

/// <summary>A CDS Hooks 2.0 card. Optional fields are left out when empty, never sent as null.</summary>
public sealed record CdsCard(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("source")] CdsSource Source,
    [property: JsonPropertyName("links")] ImmutableArray<CdsLink> Links,
    [property: JsonPropertyName("overrideReasons")] ImmutableArray<CdsCoding> OverrideReasons)
{
    /// <summary>The rule behind the card (kept server-side for feedback; also in <c>source.topic</c>).</summary>
    [JsonIgnore] public string RuleId { get; init; } = "";
    [JsonIgnore] public int RuleVersion { get; init; }
    [JsonIgnore] public string Kind { get; init; } = "";
}

/// <summary>Where the card comes from: the rule set, its version, and the rule's page on the site.</summary>
public sealed record CdsSource(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("topic")] CdsCoding Topic);

/// <summary>A FHIR Coding as CDS Hooks uses it (override reasons, source topic).</summary>
public sealed record CdsCoding(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("display")] string Display);

/// <summary>A link to evidence (a DOI or PubMed page): type <c>absolute</c>.</summary>
public sealed record CdsLink(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("type")] string Type);
