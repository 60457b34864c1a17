using System.Collections.Immutable;
using System.Diagnostics;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Mutations;

/// <summary>
/// Runs the corpus against every mutant of a rule set. A mutant is killed when a case that passes
/// on the rule set fails on the mutant.
/// <para>
/// Cost: an evaluation depends on a clause only through the clause's three-valued value, and a
/// mutated clause reads case facts only, so a case for which the original and the mutated clause
/// have the same value gives the same result on the mutant. Only the other ("distinguishing")
/// cases are run, and a mutant that no case distinguishes survives without compiling anything.
/// Each remaining mutant compiles the whole rule set once (NRules builds one network), which
/// dominates the run time; the report counts compiles and their time.
/// </para>
/// </summary>
public static class MutationRunner
{
    public static MutationReport Run(RuleSet ruleSet, IReadOnlyList<CorpusCase> cases,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var baseline = RuleSetCompiler.GetOrCompile(ruleSet);
        var passing = CorpusRunner.RunAll(baseline, cases).Where(r => r.Passed)
            .Select(r => (r.Case, Derived: ClauseTruth.DerivedOf(ruleSet, r.Evaluation!)))
            .ToList();
        var mutants = MutantGenerator.For(ruleSet);
        var results = ImmutableArray.CreateBuilder<MutantResult>(mutants.Count);
        int compiles = 0, casesRun = 0;
        var compileTime = TimeSpan.Zero;
        var index = ruleSet.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var (mutant, replacement) in mutants)
        {
            cancellation.ThrowIfCancellationRequested();
            var rule = ruleSet.Rules[index[mutant.RuleId]];
            var original = ConditionClauses.Of(rule.Condition)[mutant.Clause];
            var distinguishing = passing
                .Where(p => ClauseCoverageReport.InScope(rule, p.Case.Case!)
                    && ClauseTruth.Of(original, p.Case.Case!, p.Derived) != ClauseTruth.Of(replacement, p.Case.Case!, p.Derived))
                .Select(p => p.Case).ToList();
            var killedBy = ImmutableArray<string>.Empty;
            if (distinguishing.Count > 0)
            {
                var compileWatch = Stopwatch.StartNew();
                var compiled = RuleSetCompiler.Compile(WithClause(ruleSet, index[mutant.RuleId], mutant, replacement));
                compileTime += compileWatch.Elapsed;
                compiles++;
                casesRun += distinguishing.Count;
                killedBy = [.. CorpusRunner.RunAll(compiled, distinguishing).Where(r => !r.Passed).Select(r => r.Case.File)];
            }
            results.Add(new MutantResult(mutant, killedBy, [.. distinguishing.Select(c => c.File)]));
            progress?.Report((results.Count, mutants.Count));
        }
        return new MutationReport(results.MoveToImmutable(), casesRun, compiles, watch.Elapsed, compileTime);
    }

    /// <summary>The rule set with one clause of one rule replaced (not cached: its digest is the mutant's).</summary>
    public static RuleSet WithClause(RuleSet ruleSet, int ruleIndex, Mutant mutant, BoundCondition replacement)
    {
        var rule = ruleSet.Rules[ruleIndex];
        var mutated = rule with { Condition = ConditionClauses.Replace(rule.Condition, mutant.Clause, replacement) };
        return new RuleSet
        {
            Manifest = ruleSet.Manifest,
            Rules = ruleSet.Rules.SetItem(ruleIndex, mutated),
            Scores = ruleSet.Scores,
            Bibliography = ruleSet.Bibliography,
            ReviewSections = ruleSet.ReviewSections,
            Sources = ruleSet.Sources,
            ContentDigest = ruleSet.ContentDigest + "#mutant:" + mutant.Id,
        };
    }
}
