using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Versioning;

namespace CtoRules.Authoring.Rendering;

/// <summary>The diff as Markdown, written to be pasted into a release note.</summary>
public static class DiffMarkdownRenderer
{
    public static void Render(RuleSetDiff diff, TextWriter o)
    {
        var s = diff.Suggestion;
        o.WriteLine($"# {diff.After.Id}: changes from {diff.Before.Version} to {diff.After.Version}");
        o.WriteLine();
        o.WriteLine($"Compared `{diff.Before.Label}` with `{diff.After.Label}`.");
        o.WriteLine();
        o.WriteLine($"**Suggested version bump: {s.Bump.Name()}**{(s.MinimumVersion is null || s.Bump == VersionBump.None ? "" : $" (publish as {s.MinimumVersion} or higher)")}.");
        o.WriteLine();
        foreach (var r in s.Reasons) o.WriteLine($"- {r.Bump.Name()}: {Escape(r.Reason)}");
        if (!s.Reasons.IsEmpty) o.WriteLine();

        var sem = diff.Semantic;
        o.WriteLine("## Rules");
        o.WriteLine();
        if (sem.RulesAdded.IsEmpty && sem.RulesRemoved.IsEmpty && sem.RulesChanged.IsEmpty) o.WriteLine("No rule changed.\n");
        if (!sem.RulesAdded.IsEmpty)
        {
            o.WriteLine("### Added\n");
            foreach (var r in sem.RulesAdded) o.WriteLine($"- `{r.Id}` v{r.Version}: {Cell(DiffTextRenderer.Describe(r))}");
            o.WriteLine();
        }
        if (!sem.RulesRemoved.IsEmpty)
        {
            o.WriteLine("### Removed\n");
            foreach (var r in sem.RulesRemoved) o.WriteLine($"- `{r.Id}` v{r.Version}: {Cell(DiffTextRenderer.Describe(r))}");
            o.WriteLine();
        }
        if (!sem.RulesChanged.IsEmpty)
        {
            o.WriteLine("### Changed\n");
            foreach (var c in sem.RulesChanged)
            {
                o.WriteLine($"#### `{c.Id}` (v{c.VersionBefore} → v{c.VersionAfter})\n");
                o.WriteLine("| field | before | after |");
                o.WriteLine("|---|---|---|");
                foreach (var f in c.Fields.Where(f => f.Field != "version"))
                    o.WriteLine($"| {f.Field} | {Cell(f.Before)} | {Cell(f.After)} |");
                o.WriteLine();
            }
        }
        if (!sem.Scores.IsEmpty || !sem.References.IsEmpty)
        {
            o.WriteLine("## Scores and references\n");
            foreach (var e in sem.Scores) o.WriteLine($"- score `{e.Key}` {e.Change}{Fields(e)}");
            foreach (var e in sem.References) o.WriteLine($"- reference `{e.Key}` {e.Change}{Fields(e)}");
            o.WriteLine();
        }

        var b = diff.Behaviour;
        o.WriteLine("## Behaviour on the regression corpus\n");
        if (b.Corpus is null) o.WriteLine("No corpus was run.\n");
        else
        {
            o.WriteLine($"{b.CasesRun} cases run; {(b.Cases.IsEmpty ? "no case's advice or scores changed." : $"{b.Cases.Length} changed:")}\n");
            foreach (var c in b.Cases)
            {
                o.WriteLine($"- `{c.File}`: {Cell(c.Title)}");
                foreach (var a in c.AdviceRemoved) o.WriteLine($"  - removed: {Escape(a.ToString())}");
                foreach (var a in c.AdviceAdded) o.WriteLine($"  - added: {Escape(a.ToString())}");
                foreach (var a in c.AdviceChanged) o.WriteLine($"  - changed ({string.Join(", ", a.Fields)}): {Escape(a.ToString())}");
                foreach (var sc in c.Scores) o.WriteLine($"  - score {Cell(DiffTextRenderer.Score(sc))}");
            }
            o.WriteLine();
        }

        if (!diff.Text.IsEmpty)
        {
            o.WriteLine("<details><summary>Text diff of the changed files</summary>\n");
            o.WriteLine("```diff");
            foreach (var f in diff.Text) o.Write(f.Unified);
            o.WriteLine("```\n");
            o.WriteLine("</details>");
        }
    }

    private static string Fields(EntryChange e) =>
        e.Change != "changed" ? "" : ": " + string.Join("; ", e.Fields.Select(f => $"{f.Field} {Cell(f.Before)} → {Cell(f.After)}"));

    private static string Cell(string? v) => v is null ? "—" : DiffTextRenderer.Value(v).Replace("|", "\\|");

    /// <summary>Escapes the table separator.</summary>
    private static string Escape(string reason) => reason.Replace("|", "\\|");
}
