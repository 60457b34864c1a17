using System.Collections.Immutable;
using System.CommandLine;
using CtoRules.Authoring.Mutations;
using CtoRules.Cli.Rendering;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules test [corpus-dir]</c>: runs corpus-case@1 files; prints each failed expectation
/// with what was expected and what came; exit 1 on any failure, corpus error or (with
/// <c>--coverage</c>) any rule that no case exercises.
/// </summary>
public static class TestCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("corpus-dir") { Description = "Folder of corpus cases (default: tests/corpus beside the rules)", Arity = ArgumentArity.ZeroOrOne };
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var coverage = new Option<bool>("--coverage") { Description = "List every rule with the cases that fire it and its near misses; fail on rules no case exercises" };
        var verbose = new Option<bool>("--verbose") { Description = "Also list the cases that pass" };
        var clauses = new Option<bool>("--clause-coverage") { Description = "List every clause of every condition with the number of cases that make it true and false" };
        var mutations = new Option<bool>("--mutations") { Description = "Mutate each threshold and operator, run the corpus for each mutant, list the survivors and the mutation score" };
        var minScore = new Option<double?>("--min-score") { Description = "With --mutations: fail when the mutation score (%) is below this" };
        var command = new Command("test", "Run the regression corpus against the rule set") { dir, rules, coverage, verbose, clauses, mutations, minScore };
        command.SetAction(parse =>
        {
            var rulesDir = RulesLocator.Resolve(parse.GetValue(rules));
            var set = RulesLocator.Load(rulesDir, Console.Error);
            if (set is null) return CliHost.Failed;
            var corpusDir = parse.GetValue(dir) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesDir))!, "tests", "corpus");
            if (!Directory.Exists(corpusDir))
            {
                Console.Error.WriteLine($"ctorules: no such corpus folder: {corpusDir}");
                return CliHost.InvalidInput;
            }
            var cases = CorpusReader.ReadDirectory(corpusDir);
            var compiled = RuleSetCompiler.GetOrCompile(set);
            var report = TerminalProgress.Run("Running the corpus", progress =>
            {
                var results = ImmutableArray.CreateBuilder<CorpusCaseResult>(cases.Length);
                foreach (var c in cases)
                {
                    results.Add(CorpusRunner.RunOne(compiled, c));
                    progress?.Report((results.Count, cases.Length));
                }
                return CorpusRunner.Report(compiled, results.MoveToImmutable());
            });
            var status = Print(report, parse.GetValue(coverage), parse.GetValue(verbose), Console.Out);
            if (parse.GetValue(clauses)) QualityPrinter.PrintClauses(ClauseCoverageReport.Compute(set, report), Console.Out);
            if (parse.GetValue(mutations) && !QualityPrinter.PrintMutations(TerminalProgress.Run("Mutation check", progress => MutationRunner.Run(set, cases, progress)), parse.GetValue(minScore), Console.Out))
                status = CliHost.Failed;
            return status;
        });
        return command;
    }

    public static int Print(CorpusReport report, bool coverage, bool verbose, TextWriter o)
    {
        foreach (var r in report.Results)
        {
            if (r.IsError)
            {
                o.WriteLine($"ERROR {r.Case.File}: {r.Case.Title}");
                foreach (var e in r.Case.Errors) o.WriteLine($"      {r.Case.File}: {e.Path}: {e.Message}");
            }
            else if (!r.Passed)
            {
                o.WriteLine($"FAIL  {r.Case.File}: {r.Case.Title}");
                foreach (var f in r.Failures) o.WriteLine($"      {f}");
            }
            else if (verbose) o.WriteLine($"PASS  {r.Case.File}: {r.Case.Title}");
        }

        var uncovered = coverage ? CoveragePrinter.Print(report, o) : 0;
        o.WriteLine($"corpus: {report.Passed} passed, {report.Failed} failed, {report.Errors} errors ({report.Results.Length} cases).");
        return report.Success && uncovered == 0 ? CliHost.Ok : CliHost.Failed;
    }
}
