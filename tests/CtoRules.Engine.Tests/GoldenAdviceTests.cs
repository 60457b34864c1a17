using CtoRules.Advice;
using CtoRules.Cases;

namespace CtoRules.Engine.Tests;

/// <summary>Golden files: each case in Assets/scenario/cases pairs with its exact advice@1.</summary>
public class GoldenAdviceTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Path.Combine(Scenario.Folder, "cases"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Advice_matches_the_golden_file(string file)
    {
        var path = Path.Combine(Scenario.Folder, "cases", file);
        var read = CaseReader.ReadFile(path);
        read.Errors.Should().BeEmpty();
        var actual = AdviceJson.Serialize(Scenario.Advisor.Evaluate(read.Case!)).Replace("\r\n", "\n").TrimEnd();
        var goldenPath = Path.ChangeExtension(path, ".advice.json");
        if (Environment.GetEnvironmentVariable("CTORULES_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(FindRepoRoot(), "tests", "CtoRules.Engine.Tests", "Assets", "scenario", "cases", Path.GetFileName(goldenPath));
            File.WriteAllText(source, actual + "\n");
        }
        File.Exists(goldenPath).Should().BeTrue($"{goldenPath} must exist (run with CTORULES_UPDATE_GOLDEN=1 to create it, then review it)");
        actual.Should().Be(File.ReadAllText(goldenPath).Replace("\r\n", "\n").TrimEnd());
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }
}
