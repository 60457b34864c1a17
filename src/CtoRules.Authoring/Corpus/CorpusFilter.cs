using CtoRules.Engine.Corpus;

namespace CtoRules.Authoring.Corpus;

/// <summary>The corpus table's filters: a stage, failing cases only, and a rule (fired, undecided or named in the expectations).</summary>
public sealed record CorpusFilter(string? Stage = null, bool FailingOnly = false, string? Rule = null)
{
    public IEnumerable<CorpusCaseResult> Apply(IEnumerable<CorpusCaseResult> results) => results.Where(Matches);

    public bool Matches(CorpusCaseResult r)
    {
        if (FailingOnly && r.Passed) return false;
        if (!string.IsNullOrEmpty(Stage) && r.Case.Case?.Stage != Stage) return false;
        if (string.IsNullOrWhiteSpace(Rule)) return true;
        var rule = Rule.Trim();
        bool Has(IEnumerable<string> ids) => ids.Any(id => id.Contains(rule, StringComparison.OrdinalIgnoreCase));
        return Has(r.Case.Expect.Rules) || Has(r.Case.Expect.NoRules)
            || (r.Evaluation is { } e && (Has(e.FiredRules) || Has(e.UndecidedRules)));
    }

    /// <summary>The case's file name without folder or extension: its address on the case page.</summary>
    public static string Name(CorpusCase c) => Path.GetFileNameWithoutExtension(c.File);
}
