using CtoRules.Authoring.Mutations;
using CtoRules.Engine.Corpus;

namespace CtoRules.Cli.Rendering;

/// <summary>Text output of <c>ctorules test --clause-coverage</c> and <c>--mutations</c>.</summary>
public static class QualityPrinter
{
    public static void PrintClauses(ClauseCoverageReport report, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"{"rule / clause",-72} {"true",5} {"false",5}");
        foreach (var rule in report.Clauses.GroupBy(c => c.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var covered = rule.Count(c => c.Covered);
            o.WriteLine($"{rule.Key} ({covered} of {rule.Count()} clauses both ways)");
            foreach (var c in rule)
            {
                var mark = c.Covered ? "" : c.TrueIn.IsEmpty && c.FalseIn.IsEmpty ? "  never decided" : c.TrueIn.IsEmpty ? "  never true" : "  never false";
                o.WriteLine($"  {Clip(c.Clause + 1 + ". " + c.Text, 70),-70} {c.TrueIn.Length,5} {c.FalseIn.Length,5}{mark}");
            }
        }
        o.WriteLine($"clause coverage: {report.Covered} of {report.Clauses.Length} clauses are made true by some case and false by some case ({report.Percent:0.#}%).");
    }

    /// <summary>Prints survivors and the score; false when the score is below <paramref name="minScore"/>.</summary>
    public static bool PrintMutations(MutationReport report, double? minScore, TextWriter o)
    {
        o.WriteLine();
        foreach (var s in report.Survivors)
            o.WriteLine($"SURVIVED {s.Mutant}{(s.Distinguishing.IsEmpty ? "  (no case reaches this boundary)" : $"  ({s.Distinguishing.Length} case(s) see the change but expect nothing it alters)")}");
        o.WriteLine($"mutation score: {report.Killed} of {report.Results.Length} mutants killed ({report.Score:0.#}%); " +
            $"{report.Compiles} mutant compiles ({report.CompileTime.TotalSeconds:0.0} s), {report.CasesRun} case runs, {report.Elapsed.TotalSeconds:0.0} s in all.");
        if (minScore is { } min && report.Score < min)
        {
            o.WriteLine($"mutation score {report.Score:0.#}% is below --min-score {min}.");
            return false;
        }
        return true;
    }

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
