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
        var files = new Argument<string[]>("files") { Description = "Case files (case@1, JSON or YAML)", Arity = ArgumentArity.OneOrMore };
        var source = new AdvisorSource();
        var format = new Option<string>("--format") { Description = "text, json (one advice@1 document, or an array for several cases) or jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var command = new Command("evaluate", "Evaluate cases and print advice@1 with the reason for every item") { files, format };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            if (source.Resolve(parse, out var exit) is not { } advisor) return exit;
            return Run(advisor, parse.GetValue(files)!, parse.GetValue(format)!, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(Advisor advisor, IReadOnlyList<string> files, string format, TextWriter output, TextWriter error)
    {
        var exit = CliHost.Ok;
        var documents = new List<AdviceDocument>();
        var first = true;
        foreach (var file in files)
        {
            var read = CaseFiles.Read(file);
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
                    documents.Add(advice);
                    break;
                default:
                    if (!first) output.WriteLine(new string('-', 78));
                    TextAdviceRenderer.Render(advice, advisor.RuleSet.Bibliography, output);
                    break;
            }
            first = false;
        }
        if (format == "json")
        {
            if (documents.Count == 1) output.WriteLine(AdviceJson.Serialize(documents[0]));
            else if (documents.Count > 1)
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(documents, AdviceJson.Indented));
        }
        return exit;
    }
}
