using System.Collections.Immutable;

namespace CtoRules.Packs;

/// <summary>
/// What a pack says about itself: the rule set's id and version, the engine format it needs,
/// when it was made, how many rules it holds, this version's changelog entry, and, when the
/// publisher overrode the suggested version bump, why.
/// </summary>
public sealed record PackManifest(
    string Id,
    string Version,
    string Title,
    int EngineFormatVersion,
    DateTimeOffset Created,
    int RuleCount,
    PackChangelogEntry? Changelog,
    PackForcedPublish? Forced = null);

/// <summary>The changelog entry of the published version, copied from <c>rules/ruleset.yaml</c>.</summary>
public sealed record PackChangelogEntry(string Version, string? Date, ImmutableArray<string> Changes);

/// <summary>A publish that used <c>--force</c>: the reason given and the bump that was suggested.</summary>
public sealed record PackForcedPublish(string Reason, string SuggestedBump, string SuggestedVersion);
