using System.Collections.Immutable;
using CtoRules.Authoring.Editing;

namespace CtoRules.Storage.Rules;

/// <summary>
/// The result of a save. On <see cref="SaveOutcome.Conflict"/>, <see cref="CurrentText"/> is the
/// text saved by someone else and <see cref="Difference"/> compares it with the author's text.
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, string Message)
{
    public string? NewHash { get; init; }

    public string? SavedText { get; init; }

    /// <summary>Why the version was raised (the validator's CTO1021 message), when it was.</summary>
    public string? VersionRaised { get; init; }

    public string? CurrentText { get; init; }

    public ImmutableArray<DiffRow> Difference { get; init; } = [];

    public ImmutableArray<PlacedDiagnostic> Diagnostics { get; init; } = [];
}
