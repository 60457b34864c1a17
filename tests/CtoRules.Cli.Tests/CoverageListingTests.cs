using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Cli.Tests;

/// <summary>
/// <c>test --coverage</c> does what its help, the README and docs/corpus.md say (issue 8, point 11):
/// each rule with the names of the cases that fire it and of its near misses, not only counts.
/// </summary>
public sealed class CoverageListingTests
{
    [Fact]
    public void Coverage_lists_the_cases_that_fire_each_rule_and_its_near_misses()
    {
        var corpus = Path.Combine(Cli.RepoRoot, "tests", "corpus");
        var result = Cli.Run("test", "tests/corpus", "--coverage");
        result.ExitCode.Should().Be(0, result.Out + result.Err);

        // The expected names come from the coverage library the command uses, run here in-process.
        var set = RuleSetReader.LoadDirectory(Path.Combine(Cli.RepoRoot, "rules")).RuleSet!;
        var report = CorpusRunner.Run(RuleSetCompiler.GetOrCompile(set), CorpusReader.ReadDirectory(corpus));
        var lines = result.Out.Split('\n');
        foreach (var rule in report.Coverage)
        {
            var at = Array.FindIndex(lines, l => l.StartsWith(rule.RuleId + "  fires ", StringComparison.Ordinal));
            at.Should().BeGreaterThanOrEqualTo(0, $"{rule.RuleId} is listed");
            lines[at].Should().StartWith($"{rule.RuleId}  fires {rule.FiredIn.Length}, near misses {rule.NearMissIn.Length}");
            foreach (var file in rule.FiredIn) lines[at + 1].Should().Contain(Path.GetFileName(file), $"{rule.RuleId} fires in {file}");
            foreach (var file in rule.NearMissIn) lines[at + 2].Should().Contain(Path.GetFileName(file), $"{file} is a near miss of {rule.RuleId}");
        }
        lines[0..].Should().Contain(l => l.StartsWith("    fires in:    ", StringComparison.Ordinal) && l.Contains(".yaml", StringComparison.Ordinal));
    }
}
