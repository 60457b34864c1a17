using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// Why a rule did or did not fire for one case (<see cref="Advisor.Explain"/>): the rule, the
/// outcome, the condition as an annotated tree, and for a rule that did not fire the clauses that
/// stopped it. JSON-serialisable with System.Text.Json as it is.
/// </summary>
public sealed record RuleExplanation(
    string RuleId,
    int RuleVersion,
    string Title,
    string Role,
    string CaseId,
    string CaseStage,
    RuleOutcome Outcome,
    ClauseExplanation Condition,
    ImmutableArray<ClauseExplanation> Blocking,
    ImmutableArray<string> MissingFacts)
{
    /// <summary>Advice: the stage, step, kind and actions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Step { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>Score items: the score and item with their points.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Score { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Item { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Points { get; init; }

    /// <summary>Derived-fact rules: the fact's name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Derives { get; init; }

    /// <summary>The rule's condition as written (null = always).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? When { get; init; }

    /// <summary>One sentence for a reader: what happened and why.</summary>
    public required string Summary { get; init; }
}
