using System.Collections.Immutable;

namespace CtoRules.Advice;

/// <summary>
/// Additive to advice@1: an advice rule in scope whose condition unknown facts left neither true
/// nor false, with <see cref="DecidingFacts"/>, the unknown facts (paths, or blocks when absent)
/// that would decide it and can be obtained at the case's stage.
/// </summary>
public sealed record UndecidedAdvice(
    string RuleId,
    int RuleVersion,
    string Kind,
    ImmutableArray<string> Actions,
    string Stage,
    int Step,
    string Title,
    ImmutableArray<string> DecidingFacts);
