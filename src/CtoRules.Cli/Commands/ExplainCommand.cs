using System.CommandLine;
using CtoRules.Cli.Rendering;
using CtoRules.Engine;
using CtoRules.Engine.Explanation;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules explain CASE --rule ID</c>: why a rule fired for a case, or why not: its condition
/// as a tree with every clause true, false or unknown (<see cref="Advisor.Explain"/>).
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("case") { Description = "A case file (case@1 or corpus-case@1, JSON or YAML)" };
        var rule = new Option<string>("--rule") { Description = "The id of the rule to explain", Required = true };
        var source = new AdvisorSource();
        var format = new Option<string>("--format") { Description = "text (a tree with ✓ ✗ ? marks) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain", "Why a rule fired for a case, or why not: its condition clause by clause") { file, rule, format };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            if (source.Resolve(parse, out var exit) is not { } advisor) return exit;
            return Run(advisor, parse.GetValue(file)!, parse.GetValue(rule)!, parse.GetValue(format)!, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(Advisor advisor, string file, string ruleId, string format, TextWriter output, TextWriter error)
    {
        var read = CaseFiles.Read(file);
        if (!read.IsValid)
        {
            foreach (var e in read.Errors) error.WriteLine($"{file}: {e.Path}: {e.Message}");
            return CliHost.InvalidInput;
        }
        RuleExplanation explanation;
        try
        {
            explanation = advisor.Explain(read.Case!, ruleId);
        }
        catch (ArgumentException e) when (advisor.RuleSet.Find(ruleId) is null)
        {
            // The engine's message names the rule set and suggests the closest id.
            error.WriteLine($"ctorules: {e.Message}");
            return CliHost.InvalidInput;
        }
        if (format == "json") output.WriteLine(ExplanationJson.Serialize(explanation));
        else TextExplanationRenderer.Render(explanation, output);
        return CliHost.Ok;
    }

}
