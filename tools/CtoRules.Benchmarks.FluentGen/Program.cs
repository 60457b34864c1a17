using CtoRules.Benchmarks.FluentGen;
using CtoRules.Language.Rules;

// ctorules-fluentgen RULES_DIR OUTPUT.cs
// Never fails the build because of the knowledge base: a rule set with errors gives a file that
// says so (KnowledgeBase.Error) and the benchmark reports it.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ctorules-fluentgen RULES_DIR OUTPUT.cs");
    return 2;
}
var load = RuleSetReader.LoadDirectory(args[0]);
var source = load.RuleSet is null
    ? FluentSourceWriter.Broken(string.Join("; ", load.Diagnostics.Where(d => d.IsError).Take(3).Select(d => d.ToString())))
    : new FluentSourceWriter(load.RuleSet.WithoutScoreReaders()).Write(); // the baseline does not implement score reading
var output = Path.GetFullPath(args[1]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
// Only rewrite on change, so that incremental builds stay incremental.
if (!File.Exists(output) || File.ReadAllText(output) != source) File.WriteAllText(output, source);
return 0;
