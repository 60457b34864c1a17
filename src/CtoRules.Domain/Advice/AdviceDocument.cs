using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CtoRules.Advice;

/// <summary>
/// <c>ctorules/advice@1</c> (shared/contract/advice-format.md): what an evaluation of one case
/// returns, and what the audit log keeps.
/// </summary>
public sealed record AdviceDocument(
    string CaseId,
    RuleSetReference RuleSet,
    DateTimeOffset EvaluatedAt,
    ImmutableArray<ScoreResult> Scores,
    ImmutableArray<AdviceItem> Advice,
    ImmutableArray<MissingFact> MissingFacts)
{
    public const string SchemaId = "ctorules/advice@1";

    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = SchemaId;

    /// <summary>
    /// Additive to advice@1: the full citation of every reference key the document uses, so that
    /// a client can show the literature without the bibliography.
    /// </summary>
    [JsonPropertyOrder(2)]
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>
    /// Additive to advice@1: advice in scope that unknown facts left undecided, each with the facts
    /// (obtainable at the case's stage) that would decide it; ordered like <see cref="Advice"/>.
    /// </summary>
    [JsonPropertyOrder(1)]
    public ImmutableArray<UndecidedAdvice> Undecided { get; init; } = [];
}

/// <summary>A reference key with its readable citation and a DOI (or PubMed) link where one is confirmed.</summary>
public sealed record Citation(string Key, string Text, string? Link);

/// <summary>The rule set that produced the advice; a working copy has digest null and a "-draft" version.</summary>
public sealed record RuleSetReference(string Id, string Version, string? Digest);

/// <summary>One score with every point's reason.</summary>
public sealed record ScoreResult(
    string Score,
    double Points,
    double MaxPoints,
    string? Category,
    ImmutableArray<ScoreComponent> Components,
    ImmutableArray<string> Missing,
    ImmutableArray<string> References)
{
    /// <summary>Additive to advice@1: the published note of the category (e.g. its success rate).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CategoryNote { get; init; }

    /// <summary>Additive to advice@1: what about the score is unconfirmed (e.g. weights not checked against the paper).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Caveat { get; init; }
}

/// <summary>Points given by one score item. <c>ruleId</c> is additive to advice@1.</summary>
public sealed record ScoreComponent(string Item, double Points, ImmutableArray<string> Because)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RuleId { get; init; }
}

/// <summary>One piece of advice and why it was given.</summary>
public sealed record AdviceItem(
    string RuleId,
    int RuleVersion,
    string Kind,
    ImmutableArray<string> Actions,
    string Stage,
    int Step,
    string Text,
    ImmutableArray<string> References,
    ImmutableArray<string> Because);

/// <summary>
/// An unknown fact that kept rules or score items from being decided. <c>decides</c> is additive
/// to advice@1: <c>advice</c> when it would decide advice, <c>score</c> when it only moves a score.
/// </summary>
public sealed record MissingFact(string Fact, ImmutableArray<string> WouldInform)
{
    public const string DecidesAdvice = "advice";
    public const string DecidesScore = "score";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Decides { get; init; }
}
