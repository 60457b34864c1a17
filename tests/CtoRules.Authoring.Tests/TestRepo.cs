namespace CtoRules.Authoring.Tests;

/// <summary>The repository these tests were built in: its shipped rules, packs and corpus.</summary>
public static class TestRepo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("rules/ruleset.yaml not found above the test output");
    }
}
