using System.Globalization;
using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Versioning;

namespace CtoRules.Authoring.Rendering;

/// <summary>The diff for a terminal: the suggested bump, then the semantic, text and behavioural views.</summary>
public static class DiffTextRenderer
{
    public static void Render(RuleSetDiff diff, TextWriter o)
    {
        o.WriteLine($"diff {Side(diff.Before)} -> {Side(diff.After)}");
        o.WriteLine();
        var s = diff.Suggestion;
        o.WriteLine($"SUGGESTED BUMP: {s.Bump.Name()}{(s.MinimumVersion is null || s.Bump == VersionBump.None ? "" : $" (publish as {s.MinimumVersion} or higher)")}");
        foreach (var r in s.Reasons) o.WriteLine($"  {r.Bump.Name(),-6} {r.Reason}");
        o.WriteLine();

        var sem = diff.Semantic;
        o.WriteLine("SEMANTIC");
        if (sem.IsEmpty) o.WriteLine("  no change");
        foreach (var f in sem.Manifest) o.WriteLine($"  rule set {f.Field}: {Value(f.Before)} -> {Value(f.After)}");
        foreach (var r in sem.RulesAdded) o.WriteLine($"  + rule {r.Id} v{r.Version} ({Describe(r)})");
        foreach (var r in sem.RulesRemoved) o.WriteLine($"  - rule {r.Id} v{r.Version} ({Describe(r)})");
        foreach (var c in sem.RulesChanged)
        {
            o.WriteLine($"  ~ rule {c.Id} v{c.VersionBefore} -> v{c.VersionAfter}");
            foreach (var f in c.Fields.Where(f => f.Field != "version"))
                o.WriteLine($"      {f.Field}: {Value(f.Before)} -> {Value(f.After)}");
        }
        foreach (var e in sem.Scores) Entry(o, "score", e);
        foreach (var e in sem.References) Entry(o, "reference", e);
        o.WriteLine();

        o.WriteLine("TEXT");
        if (diff.Text.IsEmpty) o.WriteLine("  no change");
        foreach (var f in diff.Text) o.Write(f.Unified);
        o.WriteLine();

        var b = diff.Behaviour;
        o.WriteLine(b.Corpus is null ? "BEHAVIOUR (no corpus given)" : $"BEHAVIOUR on {b.Corpus}: {b.CasesRun} cases run, {b.Cases.Length} differ{(b.CasesSkipped > 0 ? $", {b.CasesSkipped} invalid skipped" : "")}");
        foreach (var c in b.Cases)
        {
            o.WriteLine($"  {c.File}: {c.Title}");
            foreach (var a in c.AdviceRemoved) o.WriteLine($"    - {a}");
            foreach (var a in c.AdviceAdded) o.WriteLine($"    + {a}");
            foreach (var a in c.AdviceChanged) o.WriteLine($"    ~ {a}: {string.Join(", ", a.Fields)}");
            foreach (var sc in c.Scores) o.WriteLine($"    ~ score {Score(sc)}");
        }
    }

    internal static string Side(DiffSideInfo s) => $"{s.Label} ({s.Id} {s.Version}{(s.Digest is null ? ", working copy" : "")})";

    internal static string Describe(RuleSummary r) =>
        r.Role == "advice" ? $"{r.Stage}, {r.Kind} {string.Join(", ", r.Actions)}: {r.Title}" : $"{r.Role}: {r.Title}";

    internal static string Score(ScoreChange s)
    {
        static string P(double? p, string? cat) => p is null ? "not computed" : p.Value.ToString("0.###", CultureInfo.InvariantCulture) + (cat is null ? "" : $" ({cat})");
        var components = s.Components.IsEmpty ? "" : $" [{string.Join("; ", s.Components)}]";
        return $"{s.Score}: {P(s.PointsBefore, s.CategoryBefore)} -> {P(s.PointsAfter, s.CategoryAfter)}{components}";
    }

    internal static string Value(string? v)
    {
        if (v is null) return "(none)";
        var one = v.Replace("\n", " ⏎ ");
        return one.Length > 160 ? one[..157] + "…" : one;
    }

    private static void Entry(TextWriter o, string what, EntryChange e)
    {
        var mark = e.Change switch { "added" => "+", "removed" => "-", _ => "~" };
        o.WriteLine($"  {mark} {what} {e.Key} {e.Change}");
        if (e.Change == "changed")
            foreach (var f in e.Fields) o.WriteLine($"      {f.Field}: {Value(f.Before)} -> {Value(f.After)}");
    }
}
