using CtoRules.Engine;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;
using MudBlazor.Services;

namespace CtoRules.Web.ComponentTests;

/// <summary>The small test knowledge base (a temporary copy) and a bUnit context with MudBlazor's services.</summary>
public static class ComponentTestKb
{
    public static string Copy()
    {
        var root = Directory.CreateTempSubdirectory("ctorules-bunit-").FullName;
        var from = Path.Combine(AppContext.BaseDirectory, "Assets", "kb");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    public static RuleSet Load(string root) => RuleSetReader.LoadDirectory(Path.Combine(root, "rules")).RuleSet!;

    public static CorpusReport Run(string root) =>
        CorpusRunner.Run(RuleSetCompiler.GetOrCompile(Load(root)), CorpusReader.ReadDirectory(Path.Combine(root, "tests", "corpus")));

    /// <summary>The diff of the test knowledge base against a copy whose knuckle rule needs 40 mm instead of 20 (version raised).</summary>
    public static Authoring.Diffing.RuleSetDiff KnuckleDiff()
    {
        var before = Copy();
        var after = Copy();
        var rule = Path.Combine(after, "rules", "crossing", "knuckle.md");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("version: 1", "version: 2").Replace("lesion.lengthMm >= 20", "lesion.lengthMm >= 40"));
        return Authoring.Diffing.RuleSetDiffer.Compare(Authoring.Diffing.RuleSetSide.Load(Path.Combine(before, "rules")),
            Authoring.Diffing.RuleSetSide.Load(Path.Combine(after, "rules")),
            CorpusReader.ReadDirectory(Path.Combine(after, "tests", "corpus")), "tests/corpus");
    }

    public static BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
