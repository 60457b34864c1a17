using System.Collections.Immutable;

namespace CtoRules.Authoring.Browsing;

/// <summary>A row of the rule list. <see cref="DiffersFromPublished"/> is null when no pack is published.</summary>
public sealed record RuleRow(
    string Id,
    string Title,
    string Role,
    string? Stage,
    int Step,
    string? Kind,
    ImmutableArray<string> Actions,
    int Version,
    bool? DiffersFromPublished);
