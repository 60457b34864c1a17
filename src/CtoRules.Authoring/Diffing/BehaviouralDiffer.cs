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

    /// <summary>Cases whose results are held at once: one of the engine's batches.</summary>
    private const int ChunkSize = CompiledRuleSet.DefaultBatchSize;

    public static BehaviouralDiff Compare(RuleSet before, RuleSet after, IReadOnlyList<CorpusCase> cases, string? corpus = null)
    {
        var a = RuleSetCompiler.GetOrCompile(before);
        var b = RuleSetCompiler.GetOrCompile(after);
        // Both rule sets through the engine's batch API (many cases per NRules session), a chunk
        // at a time: holding every case's two results until the end made a 20,000-case diff
        // spend a third of its time in the garbage collector (docs/performance.md). One thread:
        // chunks on both cores were twice as slow (the two threads allocating at full rate).
        var valid = cases.Where(c => c.IsValid).ToList();
        var diffs = ImmutableArray.CreateBuilder<CaseDiff>();
        var part = new List<Case>(ChunkSize);
        for (var start = 0; start < valid.Count; start += ChunkSize)
        {
            part.Clear();
            for (var i = start; i < Math.Min(valid.Count, start + ChunkSize); i++) part.Add(valid[i].Case!);
            var xs = a.Evaluate(part, FixedTime);
            var ys = b.Evaluate(part, FixedTime);
            for (var i = 0; i < part.Count; i++)
                if (CompareCase(valid[start + i], xs[i], ys[i]) is { } diff) diffs.Add(diff);
        }
        return new BehaviouralDiff(corpus, valid.Count, cases.Count - valid.Count, diffs.ToImmutable());
    }

    private static CaseDiff? CompareCase(CorpusCase c, AdviceDocument x, AdviceDocument y)
    {
        // Most cases of a small edit give the same advice: say so without building the keyed
        // comparison (it formatted and hashed every item and component of both results).
        if (SameInOrder(x, y)) return null;
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

    /// <summary>
    /// Every advice item and score equal position by position in what the comparison looks at: then
    /// the keyed comparison below finds nothing either. Anything else goes through it.
    /// </summary>
    private static bool SameInOrder(AdviceDocument x, AdviceDocument y)
    {
        if (x.Advice.Length != y.Advice.Length || x.Scores.Length != y.Scores.Length) return false;
        for (var i = 0; i < x.Advice.Length; i++)
        {
            AdviceItem a = x.Advice[i], b = y.Advice[i];
            if (a.RuleId != b.RuleId || a.Kind != b.Kind || a.Text != b.Text || a.Stage != b.Stage || a.Step != b.Step
                || !a.Actions.SequenceEqual(b.Actions) || !a.References.SequenceEqual(b.References) || !a.Because.SequenceEqual(b.Because))
                return false;
        }
        for (var i = 0; i < x.Scores.Length; i++)
        {
            ScoreResult s = x.Scores[i], t = y.Scores[i];
            if (s.Score != t.Score || s.Points != t.Points || s.Category != t.Category || s.Components.Length != t.Components.Length) return false;
            for (var k = 0; k < s.Components.Length; k++)
                if (s.Components[k].Item != t.Components[k].Item || s.Components[k].Points != t.Components[k].Points) return false;
        }
        return true;
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
