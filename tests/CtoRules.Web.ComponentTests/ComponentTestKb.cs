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

    public static BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
