using System.Collections.Immutable;
using CtoRules.Authoring.Versioning;

namespace CtoRules.Authoring.Diffing;

/// <summary>One side as the diff reports it.</summary>
public sealed record DiffSideInfo(string Label, string Id, string Version, string? Digest);

/// <summary>Why the diff asks for a bump: the level and what caused it.</summary>
public sealed record BumpReason(VersionBump Bump, string Reason);

/// <summary>
/// The suggested bump (the highest of its reasons) and, when the earlier side has a release
/// version, the lowest version the later side may be published as.
/// </summary>
public sealed record BumpSuggestion(VersionBump Bump, string? MinimumVersion, ImmutableArray<BumpReason> Reasons);

/// <summary>The three views of a change between two rule sets, and the version bump it calls for.</summary>
public sealed record RuleSetDiff(
    DiffSideInfo Before,
    DiffSideInfo After,
    SemanticDiff Semantic,
    ImmutableArray<FileDiff> Text,
    BehaviouralDiff Behaviour,
    BumpSuggestion Suggestion);
