using System.Collections.Immutable;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>One feedback item of a <c>POST /cds-services/{id}/feedback</c> body.</summary>
public sealed record CdsFeedbackItem(
    string Card,
    string Outcome,
    string? ReasonSystem,
    string? ReasonCode,
    string? ReasonDisplay,
    string? UserComment,
    DateTimeOffset OutcomeTimestamp);

/// <summary>What a feedback batch did: items stored, duplicates ignored, and items refused (with why).</summary>
public sealed record FeedbackReceipt(int Stored, int Duplicates, ImmutableArray<string> Refused);

/// <summary>Per rule and rule-set version: cards shown, accepted, overridden, and each override's reason and comment.</summary>
public sealed record RuleFeedbackStats(
    string RuleId,
    string RuleSetVersion,
    int Shown,
    int Accepted,
    int Overridden,
    ImmutableArray<OverrideNote> Overrides)
{
    /// <summary>Overridden per card shown (0 when none shown).</summary>
    public double OverrideRate => Shown == 0 ? 0 : (double)Overridden / Shown;
}

/// <summary>An override as the committee reads it.</summary>
public sealed record OverrideNote(string? ReasonCode, string? ReasonDisplay, string? UserComment, DateTimeOffset At);
