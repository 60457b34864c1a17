using System.Collections.Frozen;
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

        // Rule ids in ordinal order, as ranks, so that lists of rules sort as integers.
        var byId = Enumerable.Range(0, rules.Length).OrderBy(i => rules[i].Id, StringComparer.Ordinal).ToArray();
        IdRank = new int[rules.Length];
        for (var k = 0; k < byId.Length; k++) IdRank[byId[k]] = k;
        IdsByRank = [.. byId.Select(i => rules[i].Id)];

        // Every reference key a result can cite, in ordinal order, and each rule's and score's keys as indexes into it.
        var keys = rules.SelectMany(r => r.References).Concat(set.Scores.SelectMany(sc => sc.References))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var keyIndex = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        CitationsInOrder = [.. keys.Select(Citation)];
        RuleReferenceIndexes = [.. rules.Select(r => r.References.Select(k => keyIndex[k]).ToArray())];
        ScoreReferenceIndexes = [.. set.Scores.Select(sc => sc.References.Select(k => keyIndex[k]).ToArray())];

        // Whether a missing fact (a path or a whole block) can still be obtained, per stage ordinal.
        var names = CaseSchema.Fields.Select(f => f.Path).Concat(CaseSchema.Blocks);
        _knowable = names.ToDictionary(n => n, n => CaseSchema.Stages.Select(st => CaseSchema.IsKnowableAt(n, st)).ToArray(), StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Each rule's rank in ordinal order of rule ids.</summary>
    public int[] IdRank { get; }

    /// <summary>Rule ids in ordinal order (by <see cref="IdRank"/>).</summary>
    public string[] IdsByRank { get; }

    /// <summary>The citations of every reference key rules and scores use, in ordinal order of keys.</summary>
    public Citation[] CitationsInOrder { get; }

    /// <summary>Each rule's references as indexes into <see cref="CitationsInOrder"/>.</summary>
    public int[][] RuleReferenceIndexes { get; }

    /// <summary>Each score's references as indexes into <see cref="CitationsInOrder"/>.</summary>
    public int[][] ScoreReferenceIndexes { get; }

    private readonly FrozenDictionary<string, bool[]> _knowable;

    /// <summary><see cref="CaseSchema.IsKnowableAt"/>, looked up instead of worked out per evaluation.</summary>
    public bool IsKnowableAt(string fact, string stage, int stageOrdinal) =>
        stageOrdinal >= 0 && _knowable.TryGetValue(fact, out var byStage) ? byStage[stageOrdinal] : CaseSchema.IsKnowableAt(fact, stage);

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
