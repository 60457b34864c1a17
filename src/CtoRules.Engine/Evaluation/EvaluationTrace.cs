using System.Collections.Immutable;
using CtoRules.Advice;

namespace CtoRules.Engine;

/// <summary>
/// An evaluation with its trace: the advice, the ids of rules that fired (advice rules, score
/// items, derived facts that hold) and of rules left undecided by unknown facts.
/// </summary>
public sealed record EvaluationTrace(AdviceDocument Advice, ImmutableArray<string> FiredRules, ImmutableArray<string> UndecidedRules);
