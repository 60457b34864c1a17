using System.CommandLine;
using CtoRules.Authoring.Versioning;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.Cli.Commands;

/// <summary><c>ctorules validate [dir]</c>: every diagnostic of a rule set; exit 1 on any error.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("dir") { Description = "The rules folder (default: the nearest rules/ with a ruleset.yaml)", Arity = ArgumentArity.ZeroOrOne };
        var listCodes = new Option<bool>("--list-codes") { Description = "List every diagnostic code and its title" };
        var command = new Command("validate", "Check a rule set: reading, parsing and type checking, with file(line,col) and a code for each problem") { dir, listCodes };
        command.SetAction(parse =>
        {
            if (parse.GetValue(listCodes))
            {
                foreach (var d in DiagnosticDescriptors.All)
                    Console.Out.WriteLine($"{d.Code}  {(d.Severity == DiagnosticSeverity.Error ? "error  " : "warning")}  {d.Title}");
                return CliHost.Ok;
            }
            var rules = RulesLocator.Resolve(parse.GetValue(dir));
            var load = RuleSetReader.LoadDirectory(rules);
            var diagnostics = load.Diagnostics;
            if (load.RuleSet is { } checkedSet)
            {
                // Works in the bibliography that nothing cites (CTO1023 warnings; publish refuses them).
                diagnostics = diagnostics.AddRange(RuleSetReader.UncitedReferences(checkedSet));
                // A rule whose CDS Hooks card summary would pass 140 characters (CTO1025; publish refuses it).
                diagnostics = diagnostics.AddRange(CardSummary.Lint(checkedSet));
                // Published rules must raise their version with every change (CTO1021, docs/packs.md).
                try
                {
                    diagnostics = diagnostics.AddRange(PublishedRuleCheck.CheckAgainstLatest(checkedSet, PackCatalog.DefaultDirectory(rules)));
                }
                catch (Packs.PackException e)
                {
                    Console.Error.WriteLine($"ctorules: the latest published pack was not used for the rule-version check: {e.Message}");
                }
            }
            foreach (var d in diagnostics) Console.Out.WriteLine(d);
            var errors = diagnostics.Count(d => d.IsError);
            var warnings = diagnostics.Length - errors;
            if (load.RuleSet is { } set)
            {
                var byRole = set.Rules.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Count());
                Console.Out.WriteLine(
                    $"{set.Manifest.Id} {set.Manifest.Version}: {set.Rules.Length} rules " +
                    $"({byRole.GetValueOrDefault(RuleRole.Advice)} advice, {byRole.GetValueOrDefault(RuleRole.ScoreItem)} score items, {byRole.GetValueOrDefault(RuleRole.Derived)} derived facts), " +
                    $"{set.Scores.Length} scores, {set.Bibliography.Count} references; {errors} error(s), {warnings} warning(s).");
            }
            else Console.Out.WriteLine($"{rules}: {errors} error(s), {warnings} warning(s).");
            return errors > 0 ? CliHost.Failed : CliHost.Ok;
        });
        return command;
    }
}
