using CtoRules.CdsHooks.Mapping;
using CtoRules.CdsHooks.Prefetch;
using CtoRules.CdsHooks.Services;
using CtoRules.Engine;
using CtoRules.Language.Rules;

namespace CtoRules.CdsHooks.Tests;

/// <summary>The repository's rule set, read once, and the fixtures folder.</summary>
public static class TestRules
{
    private static readonly Lazy<RuleSet> Set = new(() =>
    {
        var load = RuleSetReader.LoadDirectory(Path.Combine(RepoRoot, "rules"));
        return load.RuleSet ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
    });

    public static RuleSet RuleSet => Set.Value;

    private static string? _root;

    public static string RepoRoot => _root ??= Find();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static CdsHookService Service(HttpClient? http = null) =>
        new(new Advisor(RuleSet), FhirMappingTable.Default, new PrefetchResolver(http ?? new HttpClient()), TimeProvider.System);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("no rules/ruleset.yaml above the test folder");
    }
}
