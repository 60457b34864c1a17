using CtoRules.Engine.Corpus;

namespace CtoRules.Cli.Rendering;

/// <summary>
/// Text output of <c>ctorules test --coverage</c>: every rule with the corpus cases that fire it
/// and its near-miss cases, by file name (issue 8, point 11: the help, README and docs/corpus.md
/// promise the names, not only counts).
/// </summary>
public static class CoveragePrinter
{
    /// <summary>Prints the listing and the summary line; returns the number of rules not exercised.</summary>
    public static int Print(CorpusReport report, TextWriter o)
    {
        var uncovered = 0;
        o.WriteLine();
        o.WriteLine("COVERAGE (each rule: the cases that fire it, and its near misses)");
        foreach (var c in report.Coverage.OrderBy(c => c.RuleId, StringComparer.Ordinal))
        {
            var mark = c.Covered ? "" : c.FiredIn.IsEmpty ? "  NOT EXERCISED: no case fires it" : "  NOT EXERCISED: no near-miss case";
            o.WriteLine($"{c.RuleId}  fires {c.FiredIn.Length}, near misses {c.NearMissIn.Length}{mark}");
            o.WriteLine($"    fires in:    {Names(c.FiredIn)}");
            o.WriteLine($"    near misses: {Names(c.NearMissIn)}");
            if (!c.Covered) uncovered++;
        }
        var covered = report.Coverage.Length - uncovered;
        var percent = report.Coverage.Length == 0 ? 100 : 100.0 * covered / report.Coverage.Length;
        o.WriteLine($"coverage: {covered} of {report.Coverage.Length} rules fire in a case and are absent in a near-miss case ({percent:0.#}%).");
        return uncovered;
    }

    // File names only: the corpus folder is the command's argument, repeating it on every line is noise.
    private static string Names(IEnumerable<string> files)
    {
        var names = files.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
