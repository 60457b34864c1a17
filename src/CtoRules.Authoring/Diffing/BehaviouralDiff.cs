using System.Collections.Immutable;

namespace CtoRules.Authoring.Diffing;

/// <summary>An advice item as the diff names it: <c>consider IVL, OPN-BALLOON (rule-id)</c>.</summary>
public sealed record AdviceChange(string RuleId, string Kind, ImmutableArray<string> Actions, string Stage, int Step, ImmutableArray<string> Fields)
{
    public override string ToString() => $"{Kind} {string.Join(", ", Actions)} ({RuleId})";
}

/// <summary>A score whose result differs for a case; null points = not computed on that side.</summary>
public sealed record ScoreChange(string Score, double? PointsBefore, double? PointsAfter, string? CategoryBefore, string? CategoryAfter, ImmutableArray<string> Components);

/// <summary>A corpus case whose advice or scores differ between the two sides.</summary>
public sealed record CaseDiff(
    string File,
    string Title,
    ImmutableArray<AdviceChange> AdviceAdded,
    ImmutableArray<AdviceChange> AdviceRemoved,
    ImmutableArray<AdviceChange> AdviceChanged,
    ImmutableArray<ScoreChange> Scores);

/// <summary>Every corpus case run on both sides; the cases whose advice or scores differ.</summary>
public sealed record BehaviouralDiff(string? Corpus, int CasesRun, int CasesSkipped, ImmutableArray<CaseDiff> Cases)
{
    public static BehaviouralDiff None { get; } = new(null, 0, 0, []);
}
