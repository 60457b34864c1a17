using System.CommandLine;
using CtoRules.Authoring.Diffing;
using CtoRules.Authoring.Rendering;
using CtoRules.Engine.Corpus;
using CtoRules.Packs;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules diff A B [--format text|json|markdown]</c>: A and B are packs or rules folders (the
/// working copy included). Semantic, text and behavioural views, and the suggested bump. Exit 0
/// whether or not they differ; 2 when a side cannot be read.
/// </summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("before") { Description = "The earlier side: a .ctopack.json pack or a rules folder" };
        var after = new Argument<string>("after") { Description = "The later side: a .ctopack.json pack or a rules folder (e.g. rules/)" };
        var format = new Option<string>("--format") { Description = "text, json or markdown (for a release note)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var corpus = new Option<string?>("--corpus") { Description = "The corpus for the behavioural view (default: tests/corpus beside the nearest rules/)" };
        var noCorpus = new Option<bool>("--no-corpus") { Description = "Skip the behavioural view" };
        var keys = new Option<string[]>("--public-key") { Description = "Require packs to be signed by one of these public keys" };
        var command = new Command("diff", "Compare two rule-set versions: semantic, text and behavioural views, and the version bump they call for")
            { before, after, format, corpus, noCorpus, keys };
        command.SetAction(parse =>
        {
            var trust = VerifyCommand.TrustFrom(parse.GetValue(keys), Console.Error);
            if (trust is null) return CliHost.InvalidInput;
            RuleSetSide a, b;
            try
            {
                a = RuleSetSide.Load(parse.GetValue(before)!, trust);
                b = RuleSetSide.Load(parse.GetValue(after)!, trust);
            }
            catch (PackException e)
            {
                Console.Error.WriteLine($"ctorules: {VerifyCommand.Kind(e)}: {e.Message}");
                return CliHost.InvalidInput;
            }
            catch (RuleSetSideException e)
            {
                foreach (var d in e.Diagnostics.Where(d => d.IsError)) Console.Error.WriteLine(d);
                Console.Error.WriteLine($"ctorules: {e.Message}");
                return CliHost.InvalidInput;
            }

            IReadOnlyList<CorpusCase>? cases = null;
            string? corpusDir = null;
            if (!parse.GetValue(noCorpus))
            {
                corpusDir = parse.GetValue(corpus) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(RulesLocator.Resolve(null)).TrimEnd('/', '\\'))!, "tests", "corpus");
                if (Directory.Exists(corpusDir)) cases = CorpusReader.ReadDirectory(corpusDir);
                else if (parse.GetValue(corpus) is not null)
                {
                    Console.Error.WriteLine($"ctorules: no such corpus folder: {corpusDir}");
                    return CliHost.InvalidInput;
                }
            }
            var diff = RuleSetDiffer.Compare(a, b, cases, cases is null ? null : Language.Rules.RuleSetReader.Display(corpusDir!));
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.Out.WriteLine(DiffJson.Serialize(diff));
                    break;
                case "markdown":
                    DiffMarkdownRenderer.Render(diff, Console.Out);
                    break;
                default:
                    DiffTextRenderer.Render(diff, Console.Out);
                    break;
            }
            return CliHost.Ok;
        });
        return command;
    }
}
