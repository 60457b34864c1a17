using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// What assembling advice needs to know about each rule, computed once per compiled rule set
/// instead of with LINQ on every evaluation: stage order, score membership, item counts.
/// </summary>
internal sealed class RuleSetShape
{
    public RuleSetShape(RuleSet set, ImmutableArray<Language.Rules.RuleDefinition> rules)
    {
        StageOrdinal = [.. rules.Select(r => r.Stage is null ? -1 : CaseSchema.StageOrdinal(r.Stage))];
        var scoreIndex = set.Scores.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        ScoreOf = [.. rules.Select(r => r.Role == RuleRole.ScoreItem && r.Score is not null && scoreIndex.TryGetValue(r.Score, out var i) ? i : -1)];
        _citations = set.Bibliography.ToDictionary(p => p.Key, p => new Citation(p.Key, p.Value.Citation, p.Value.Link), StringComparer.Ordinal);
        ItemsPerScore = new int[set.Scores.Length];
        foreach (var s in ScoreOf)
            if (s >= 0) ItemsPerScore[s]++;
    }

    /// <summary>Stage ordinal of each advice rule (-1 for others).</summary>
    public int[] StageOrdinal { get; }

    /// <summary>Index into <see cref="RuleSet.Scores"/> of each score item (-1 for other rules).</summary>
    public int[] ScoreOf { get; }

    private readonly Dictionary<string, Citation> _citations;

    /// <summary>The citation of a reference key, built once per rule set (a key not in the bibliography cites itself).</summary>
    public Citation Citation(string key) => _citations.TryGetValue(key, out var c) ? c : new Citation(key, key, null);

    /// <summary>Number of items of each score.</summary>
    public int[] ItemsPerScore { get; }
}
