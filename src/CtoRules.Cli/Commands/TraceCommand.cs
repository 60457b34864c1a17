using CtoRules.Authoring.Files;
using System.CommandLine;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Engine.Traceability;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules trace</c>: writes the traceability matrix (review → rules → corpus cases);
/// <c>--check</c> fails when the committed file is stale or a part of the review is not encoded.
/// </summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the nearest rules/)" };
        var corpusDir = new Option<string?>("--corpus") { Description = "Corpus folder (default: tests/corpus beside the rules)" };
        var output = new Option<string?>("--output") { Description = "Where the matrix goes (default: docs/traceability.md beside the rules)" };
        var check = new Option<bool>("--check") { Description = "Do not write: fail when the file is stale or a part of the review has no rule" };
        var command = new Command("trace", "Generate the traceability matrix of the review's sections, tables and figures to rules and corpus cases") { rules, corpusDir, output, check };
        command.SetAction(parse =>
        {
            var rulesDir = RulesLocator.Resolve(parse.GetValue(rules));
            var set = RulesLocator.Load(rulesDir, Console.Error);
            if (set is null) return CliHost.Failed;
            var root = Path.GetDirectoryName(Path.GetFullPath(rulesDir))!;
            var corpus = CorpusReader.ReadDirectory(parse.GetValue(corpusDir) ?? Path.Combine(root, "tests", "corpus"));
            var report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), corpus);
            var (markdown, gaps) = TraceabilityMatrix.Render(set, report);
            var path = parse.GetValue(output) ?? Path.Combine(root, "docs", "traceability.md");
            foreach (var gap in gaps) Console.Error.WriteLine($"ctorules: no rule encodes '{gap.Title}' ({gap.SectionId})");
            if (parse.GetValue(check))
            {
                var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
                if (current != markdown)
                {
                    Console.Error.WriteLine($"ctorules: {path} is stale; run 'ctorules trace' and commit it.");
                    return CliHost.Failed;
                }
                Console.Out.WriteLine($"{path} is current.");
                return gaps.Count == 0 ? CliHost.Ok : CliHost.Failed;
            }
            AtomicFile.Replace(path, markdown);
            Console.Out.WriteLine($"wrote {path} ({set.ReviewSections.Length} parts of the review, {gaps.Count} not encoded).");
            return gaps.Count == 0 ? CliHost.Ok : CliHost.Failed;
        });
        return command;
    }
}
