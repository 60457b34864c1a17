using System.Collections.Immutable;
using CtoRules.Cases;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Corpus;

/// <summary>
/// Clause coverage of a corpus run: for every clause of every condition, whether some case makes
/// it true and some case makes it false. A case counts for a rule only when the rule is in scope
/// for it (an advice rule of an earlier stage than the case's is not evaluated); an unknown
/// clause counts as neither.
/// </summary>
public sealed record ClauseCoverageReport(ImmutableArray<ClauseCoverageEntry> Clauses)
{
    public int Covered => Clauses.Count(c => c.Covered);
    public double Percent => Clauses.IsEmpty ? 100 : 100.0 * Covered / Clauses.Length;

    public IEnumerable<ClauseCoverageEntry> ForRule(string ruleId) => Clauses.Where(c => c.RuleId == ruleId);

    public static ClauseCoverageReport Compute(RuleSet ruleSet, CorpusReport report)
    {
        var runs = report.Results.Where(r => r.Evaluation is not null)
            .Select(r => (r.Case.File, Case: r.Case.Case!, Derived: ClauseTruth.DerivedOf(ruleSet, r.Evaluation!)))
            .ToList();
        var entries = ImmutableArray.CreateBuilder<ClauseCoverageEntry>();
        foreach (var rule in ruleSet.Rules)
        {
            var clauses = ConditionClauses.Of(rule.Condition);
            var inScope = runs.Where(r => InScope(rule, r.Case)).ToList();
            for (var i = 0; i < clauses.Count; i++)
            {
                var t = ImmutableArray.CreateBuilder<string>();
                var f = ImmutableArray.CreateBuilder<string>();
                foreach (var (file, @case, derived) in inScope)
                {
                    var truth = ClauseTruth.Of(clauses[i], @case, derived);
                    if (truth == Truth.True) t.Add(file);
                    else if (truth == Truth.False) f.Add(file);
                }
                entries.Add(new ClauseCoverageEntry(rule.Id, i, clauses[i].ToString(), t.ToImmutable(), f.ToImmutable()));
            }
        }
        return new ClauseCoverageReport(entries.ToImmutable());
    }

    /// <summary>Whether a rule is evaluated for a case: advice rules only up to their stage.</summary>
    public static bool InScope(RuleDefinition rule, Case @case) =>
        rule.Role != RuleRole.Advice || CaseSchema.StageOrdinal(@case.Stage) <= CaseSchema.StageOrdinal(rule.Stage!);
}
