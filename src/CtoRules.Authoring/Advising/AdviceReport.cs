using System.Collections.Immutable;
using CtoRules.Advice;

namespace CtoRules.Authoring.Advising;

/// <summary>
/// An advice@1 document arranged for the advisor page: advice grouped by stage (escalation order)
/// and step, citations by key, and the ids of rules the page can explain.
/// </summary>
public sealed class AdviceReport
{
    private readonly ImmutableDictionary<string, Citation> _citations;

    public AdviceReport(AdviceDocument advice)
    {
        Advice = advice;
        Stages = [.. advice.Advice.GroupBy(a => a.Stage)
            .Select(s => new StageAdvice(s.Key, [.. s.GroupBy(a => a.Step).Select(g => new StepAdvice(g.Key, [.. g]))]))];
        _citations = advice.Citations.ToImmutableDictionary(c => c.Key, StringComparer.Ordinal);
    }

    public AdviceDocument Advice { get; }

    /// <summary>Advice by stage in the document's order (stage, then step), each stage by step.</summary>
    public ImmutableArray<StageAdvice> Stages { get; }

    /// <summary>The citation of a reference key (its text and DOI link), or the bare key.</summary>
    public Citation Cite(string key) => _citations.TryGetValue(key, out var c) ? c : new Citation(key, key, null);

    public sealed record StageAdvice(string Stage, ImmutableArray<StepAdvice> Steps);

    public sealed record StepAdvice(int Step, ImmutableArray<AdviceItem> Items);
}
