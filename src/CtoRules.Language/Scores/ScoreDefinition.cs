using System.Collections.Immutable;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Language.Scores;

/// <summary>A score's definition (<c>rules/scores/&lt;name&gt;.yaml</c>); its items are rules.</summary>
public sealed record ScoreDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>What about the score is unconfirmed, shown wherever the score is shown (advice, CLI); null = nothing.</summary>
    public string? Caveat { get; init; }
    public required double MaxPoints { get; init; }

    /// <summary>When the score is computed at all (e.g. <c>known(ccta)</c>); null = always.</summary>
    public string? When { get; init; }
    public BoundCondition? Condition { get; init; }

    public ImmutableArray<string> References { get; init; } = [];
    public ImmutableArray<ScoreCategory> Categories { get; init; } = [];
    public required SourceFile Source { get; init; }

    /// <summary>The category certain for points in [low, high], or null when they straddle two.</summary>
    public ScoreCategory? CategoryFor(double low, double high)
    {
        var a = Categories.FirstOrDefault(c => c.Contains(low));
        var b = Categories.FirstOrDefault(c => c.Contains(high));
        return a is not null && ReferenceEquals(a, b) ? a : null;
    }
}
