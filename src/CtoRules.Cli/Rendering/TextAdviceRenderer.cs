using System.Globalization;
using CtoRules.Advice;
using CtoRules.Language.References;

namespace CtoRules.Cli.Rendering;

/// <summary>The readable report of <c>evaluate --format text</c>.</summary>
public static class TextAdviceRenderer
{
    /// <param name="scoresWithoutCategories">Scores that publish no categories (CL, KCCT): they say so instead of "undecided".</param>
    public static void Render(AdviceDocument advice, IReadOnlyDictionary<string, Reference> bibliography, TextWriter o,
        IReadOnlySet<string>? scoresWithoutCategories = null)
    {
        var digest = advice.RuleSet.Digest ?? "working copy, not published";
        o.WriteLine($"Case {advice.CaseId}");
        o.WriteLine($"Rule set {advice.RuleSet.Id} {advice.RuleSet.Version} ({digest})");
        o.WriteLine();

        o.WriteLine("SCORES");
        if (advice.Scores.IsEmpty) o.WriteLine("  (none can be computed from the facts given)");
        foreach (var s in advice.Scores)
        {
            var category = s.Category ?? (scoresWithoutCategories?.Contains(s.Score) == true ? "no published categories"
                : s.Missing.IsEmpty ? "" : "category undecided");
            o.WriteLine($"  {s.Score,-16} {N(s.Points)} / {N(s.MaxPoints)}  {category}{(s.CategoryNote is null ? "" : $" ({s.CategoryNote})")}");
            foreach (var c in s.Components)
                o.WriteLine($"    +{N(c.Points),-4} {c.Item,-28} because {string.Join("; ", c.Because)}");
            if (!s.Missing.IsEmpty) o.WriteLine($"    unknown: {string.Join(", ", s.Missing)}");
            if (s.Caveat is not null) o.WriteLine($"    caveat: {s.Caveat}");
        }
        o.WriteLine();

        o.WriteLine("ADVICE");
        if (advice.Advice.IsEmpty) o.WriteLine("  (no advice fires on the facts given)");
        foreach (var stage in advice.Advice.GroupBy(a => a.Stage))
        {
            o.WriteLine($"  {stage.Key}");
            foreach (var a in stage)
            {
                o.WriteLine($"    {a.Step}. {a.Kind.ToUpperInvariant(),-9} {string.Join(", ", a.Actions)}  [{a.RuleId} v{a.RuleVersion}]");
                o.WriteLine($"       {a.Text}");
                if (!a.Because.IsEmpty) o.WriteLine($"       because: {string.Join("; ", a.Because)}");
                o.WriteLine($"       references: {string.Join(", ", a.References)}");
            }
        }
        o.WriteLine();

        if (!advice.Undecided.IsEmpty)
        {
            o.WriteLine("UNDECIDED ADVICE (unknown facts leave it open)");
            foreach (var u in advice.Undecided)
            {
                o.WriteLine($"  {u.Stage} {u.Step}. {u.Kind.ToUpperInvariant(),-9} {string.Join(", ", u.Actions)}  [{u.RuleId} v{u.RuleVersion}]");
                o.WriteLine($"       {u.Title}");
                o.WriteLine($"       would be decided by: {string.Join(", ", u.DecidingFacts)}");
            }
            o.WriteLine();
        }

        if (!advice.MissingFacts.IsEmpty)
        {
            o.WriteLine("MISSING FACTS that help, most useful first (unknown, decides, would inform)");
            foreach (var m in advice.MissingFacts)
                o.WriteLine($"  {m.Fact,-32} {m.Decides,-7} {string.Join(", ", m.WouldInform)}");
            o.WriteLine();
        }

        var cited = advice.Advice.SelectMany(a => a.References).Concat(advice.Scores.SelectMany(s => s.References))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (cited.Count > 0)
        {
            o.WriteLine("REFERENCES");
            foreach (var key in cited)
                if (bibliography.TryGetValue(key, out var r))
                    o.WriteLine($"  [{key}] {r.Citation}{(r.Link is null || r.Doi is not null ? "" : " " + r.Link)}");
        }
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
