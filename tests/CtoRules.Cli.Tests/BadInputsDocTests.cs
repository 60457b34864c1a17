using System.Text.RegularExpressions;

namespace CtoRules.Cli.Tests;

/// <summary>docs/bad-inputs.md stays true: at least 40 rows, and every row names a test that exists.</summary>
public class BadInputsDocTests
{
    [Fact]
    public void Every_row_of_the_bad_input_catalogue_names_an_existing_test()
    {
        var doc = File.ReadAllText(Path.Combine(Cli.RepoRoot, "docs", "bad-inputs.md"));
        var rows = Regex.Matches(doc, @"^\| \d+[a-z]? \|.*\| (\w+)/(\w+)\.(\w+) \|$", RegexOptions.Multiline);
        rows.Count.Should().BeGreaterThanOrEqualTo(40);
        foreach (Match row in rows)
        {
            // The class's file anywhere in the test project (tests mirror src/, so some sit in feature folders).
            var project = Path.Combine(Cli.RepoRoot, "tests", $"CtoRules.{row.Groups[1].Value}.Tests");
            var found = Directory.Exists(project)
                ? Directory.GetFiles(project, row.Groups[2].Value + ".cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToArray()
                : [];
            found.Should().ContainSingle($"row '{row.Value[..Math.Min(60, row.Value.Length)]}' names {row.Groups[1].Value}/{row.Groups[2].Value}");
            var file = found[0];
            File.ReadAllText(file).Should().MatchRegex($@"\b(void|Task) {row.Groups[3].Value}\(", $"the test {row.Groups[2].Value}.{row.Groups[3].Value} exists");
        }
    }
}
