using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.CdsHooks.Cards;
using CtoRules.CdsHooks.Mapping;

namespace CtoRules.CdsHooks.Services;

/// <summary>
/// What a hook call produced: the cards (possibly none), the case and advice behind them (for the
/// audit record), where the case came from, and notes on everything not used.
/// </summary>
public sealed record CdsHookResult(
    ImmutableArray<CdsCard> Cards,
    string? CaseJson,
    AdviceDocument? Advice,
    string InputKind,
    ImmutableArray<MappedFact> Facts,
    ImmutableArray<string> Notes);
