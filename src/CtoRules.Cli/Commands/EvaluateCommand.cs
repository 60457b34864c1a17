using System.CommandLine;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Cli.Rendering;
using CtoRules.Engine;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules evaluate FILE...</c>: advice for each case, in input order. An invalid case prints
/// its errors with JSON paths on stderr; the other files are still evaluated; exit 2.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Case files (case@1, JSON or YAML); - reads one case from standard input", Arity = ArgumentArity.OneOrMore };
        var source = new AdvisorSource();
        var format = new Option<string>("--format") { Description = "text, json (one advice@1 document, or an array for several cases) or jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var command = new Command("evaluate", "Evaluate cases and print advice@1 with the reason for every item") { files, format };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            // System.CommandLine takes an unknown --option as a file name; say what it is instead.
            if (parse.GetValue(files)!.FirstOrDefault(f => f.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                Console.Error.WriteLine($"ctorules: unknown option '{unknown}'");
                Console.Error.WriteLine("Run 'ctorules evaluate --help' for usage.");
                return CliHost.Usage;
            }
            if (source.Resolve(parse, out var exit) is not { } advisor) return exit;
            return Run(advisor, parse.GetValue(files)!, parse.GetValue(format)!, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(Advisor advisor, IReadOnlyList<string> files, string format, TextWriter output, TextWriter error)
    {
        var exit = CliHost.Ok;
        var noCategories = advisor.RuleSet.Scores.Where(s => s.Categories.IsEmpty).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var json = new StreamingJsonArray(output);
        var first = true;
        foreach (var file in files)
        {
            var read = file == "-" ? CaseFiles.ReadStandardInput(Console.OpenStandardInput()) : CaseFiles.Read(file);
            if (!read.IsValid)
            {
                foreach (var e in read.Errors) error.WriteLine($"{file}: {e.Path}: {e.Message}");
                exit = CliHost.InvalidInput;
                continue;
            }
            var advice = advisor.Evaluate(read.Case!);
            switch (format)
            {
                case "jsonl":
                    output.WriteLine(AdviceJson.Serialize(advice, indented: false));
                    break;
                case "json":
                    json.Add(AdviceJson.Serialize(advice));
                    break;
                default:
                    if (!first) output.WriteLine(new string('-', 78));
                    TextAdviceRenderer.Render(advice, advisor.RuleSet.Bibliography, output, noCategories);
                    break;
            }
            first = false;
        }
        if (format == "json") json.End();
        return exit;
    }
}
