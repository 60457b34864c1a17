using System.Text.Json.Nodes;

namespace CtoRules.Cli.Tests;

/// <summary>A row of docs/bad-inputs.md (issue 15): thousands of case files given at once, one of them bad.</summary>
public sealed class ManyFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-many-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Two_thousand_case_files_at_once_are_each_evaluated_and_the_bad_one_is_named()
    {
        var files = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var path = Path.Combine(_dir, $"c{i:0000}.json");
            var length = i == 1234 ? 400 : 10 + i % 200;
            File.WriteAllText(path, $"{{\"schema\":\"ctorules/case@1\",\"id\":\"c{i}\",\"lesion\":{{\"lengthMm\":{length}}},\"procedure\":{{\"stage\":\"planning\"}}}}");
            files.Add(path);
        }

        var r = Cli.Run(["evaluate", .. files, "--format", "jsonl"]);

        r.ExitCode.Should().Be(2);
        r.Err.Trim().Should().Be($"{files[1234]}: lesion.lengthMm: 400 is above the maximum 300");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1999);
        lines.Select(l => JsonNode.Parse(l)!["caseId"]!.GetValue<string>()).Should().OnlyHaveUniqueItems().And.NotContain("c1234");
    }
}
