using System.Collections.Immutable;
using System.Globalization;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Diffing;

/// <summary>
/// Runs every valid corpus case on both rule sets and compares the advice and scores. An advice
/// item is known by its rule, kind and actions: a new kind or action is one item removed and
/// one added; a different text, step, stage, references or reason is the same item changed.
/// </summary>
public static class BehaviouralDiffer
{
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Cases whose results are held at once: eight of the engine's batches.</summary>
    private const int ChunkSize = 8 * CompiledRuleSet.DefaultBatchSize;

    public static BehaviouralDiff Compare(RuleSet before, RuleSet after, IReadOnlyList<CorpusCase> cases, string? corpus = null)
    {
        var a = RuleSetCompiler.GetOrCompile(before);
        var b = RuleSetCompiler.GetOrCompile(after);
        // Both rule sets through the engine's batch API (many cases per NRules session), a chunk
        // at a time: holding every case's two results until the end made a 20,000-case diff
        // spend a third of its time in the garbage collector (docs/performance.md). Chunks run on
        // every core (compiled rule sets are thread-safe: each rents its own session); the
        // differences are put back in case order.
        var valid = cases.Where(c => c.IsValid).ToList();
        var chunks = (valid.Count + ChunkSize - 1) / ChunkSize;
        var found = new List<CaseDiff>?[chunks];
        Parallel.For(0, chunks, k =>
        {
            var start = k * ChunkSize;
            var part = new Case[Math.Min(ChunkSize, valid.Count - start)];
            for (var i = 0; i < part.Length; i++) part[i] = valid[start + i].Case!;
            var xs = a.Evaluate(part, FixedTime);
            var ys = b.Evaluate(part, FixedTime);
            for (var i = 0; i < part.Length; i++)
                if (CompareCase(valid[start + i], xs[i], ys[i]) is { } diff) (found[k] ??= []).Add(diff);
        });
        var diffs = ImmutableArray.CreateBuilder<CaseDiff>();
        foreach (var list in found)
            if (list is not null) diffs.AddRange(list);
        return new BehaviouralDiff(corpus, valid.Count, cases.Count - valid.Count, diffs.ToImmutable());
    }

    private static CaseDiff? CompareCase(CorpusCase c, AdviceDocument x, AdviceDocument y)
    {
        static string Key(AdviceItem i) => $"{i.RuleId}|{i.Kind}|{string.Join(",", i.Actions)}";
        var before = x.Advice.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = y.Advice.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = y.Advice.Where(i => !before.ContainsKey(Key(i))).Select(i => Change(i, [])).ToImmutableArray();
        var removed = x.Advice.Where(i => !after.ContainsKey(Key(i))).Select(i => Change(i, [])).ToImmutableArray();
        var changed = ImmutableArray.CreateBuilder<AdviceChange>();
        foreach (var item in y.Advice.Where(i => before.ContainsKey(Key(i))))
        {
            var old = before[Key(item)];
            var fields = new List<string>();
            if (old.Text != item.Text) fields.Add("text");
            if (old.Stage != item.Stage) fields.Add("stage");
            if (old.Step != item.Step) fields.Add("step");
            if (!old.References.SequenceEqual(item.References)) fields.Add("references");
            if (!old.Because.SequenceEqual(item.Because)) fields.Add("because");
            if (fields.Count > 0) changed.Add(Change(item, [.. fields]));
        }
        var scores = Scores(x, y);
        if (added.IsEmpty && removed.IsEmpty && changed.Count == 0 && scores.IsEmpty) return null;
        return new CaseDiff(c.File, c.Title, added, removed, changed.ToImmutable(), scores);
    }

    private static AdviceChange Change(AdviceItem i, ImmutableArray<string> fields) => new(i.RuleId, i.Kind, i.Actions, i.Stage, i.Step, fields);

    private static ImmutableArray<ScoreChange> Scores(AdviceDocument x, AdviceDocument y)
    {
        var result = ImmutableArray.CreateBuilder<ScoreChange>();
        var a = x.Scores.ToDictionary(s => s.Score, StringComparer.Ordinal);
        var b = y.Scores.ToDictionary(s => s.Score, StringComparer.Ordinal);
        foreach (var name in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            a.TryGetValue(name, out var s);
            b.TryGetValue(name, out var t);
            var componentsBefore = Components(s);
            var componentsAfter = Components(t);
            var components = componentsBefore.Except(componentsAfter).Select(v => "- " + v)
                .Concat(componentsAfter.Except(componentsBefore).Select(v => "+ " + v)).ToImmutableArray();
            if (s?.Points == t?.Points && s?.Category == t?.Category && components.IsEmpty) continue;
            result.Add(new ScoreChange(name, s?.Points, t?.Points, s?.Category, t?.Category, components));
        }
        return result.ToImmutable();
    }

    private static List<string> Components(ScoreResult? s) =>
        s is null ? [] : [.. s.Components.Select(c => $"{c.Item} {c.Points.ToString("0.###", CultureInfo.InvariantCulture)}")];
}
