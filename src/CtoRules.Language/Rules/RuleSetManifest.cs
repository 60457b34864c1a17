using System.Collections.Immutable;

namespace CtoRules.Language.Rules;

/// <summary><c>rules/ruleset.yaml</c>: the rule set's id, semantic version, title and changelog.</summary>
public sealed record RuleSetManifest(
    string Id,
    string Version,
    string Title,
    string? Description,
    ImmutableArray<ChangelogEntry> Changelog);
