using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Tests;

public class CompilationTests
{
    [Fact]
    public void The_compiled_rule_set_is_cached_per_content_digest()
    {
        var a = RuleSetCompiler.GetOrCompile(Scenario.RuleSet);
        var b = RuleSetCompiler.GetOrCompile(Scenario.RuleSet);
        b.Should().BeSameAs(a);

        var reread = RuleSetReader.LoadDirectory(Path.Combine(Scenario.Folder, "rules")).RuleSet!;
        reread.ContentDigest.Should().Be(Scenario.RuleSet.ContentDigest);
        RuleSetCompiler.GetOrCompile(reread).Should().BeSameAs(a, "the same content compiles once");

        var changed = RuleSetReader.Load(reread.Sources.Select(s =>
            s.Path.EndsWith("dual.md", StringComparison.Ordinal) ? s with { Text = s.Text.Replace("Use dual injection.", "Use dual injection!") } : s)).RuleSet!;
        changed.ContentDigest.Should().NotBe(reread.ContentDigest);
        RuleSetCompiler.GetOrCompile(changed).Should().NotBeSameAs(a);
    }

    [Fact]
    public void The_digest_ignores_line_endings()
    {
        var crlf = Scenario.RuleSet.Sources.Select(s => s with { Text = s.Text.Replace("\n", "\r\n") });
        RuleSet.ComputeDigest(crlf).Should().Be(Scenario.RuleSet.ContentDigest);
    }

    [Fact]
    public void Every_rule_becomes_NRules_rules_and_the_session_is_reused_safely_across_threads()
    {
        var compiled = RuleSetCompiler.GetOrCompile(Scenario.RuleSet);
        var cases = Enumerable.Range(0, 200).Select(i =>
            new CaseBuilder($"c{i}", "planning").Set("lesion.calcification", i % 2 == 0 ? "severe" : "mild")
                .Set("lesion.lengthMm", i % 40).Build()).ToList();
        var sequential = cases.Select(c => Signature(compiled.Evaluate(c, Scenario.Now))).ToList();
        var parallel = cases.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(c => Signature(compiled.Evaluate(c, Scenario.Now))).ToList();
        parallel.Should().Equal(sequential);
        sequential.Should().Contain(s => s.Contains("crossing.knuckle")).And.Contain(s => !s.Contains("crossing.knuckle"));
    }

    private static string Signature(Advice.AdviceDocument a) =>
        string.Join(",", a.Advice.Select(x => x.RuleId)) + "|" + string.Join(",", a.MissingFacts.Select(m => m.Fact)) + "|" +
        string.Join(",", a.Scores.Select(s => s.Score + s.Points));

    [Fact]
    public void Two_equal_looking_cases_are_two_facts()
    {
        var compiled = RuleSetCompiler.GetOrCompile(Scenario.RuleSet);
        var one = new CaseBuilder("same", "crossing").Set("lesion.calcification", "severe").Set("lesion.lengthMm", 30).Build();
        var two = new CaseBuilder("same", "crossing").Set("lesion.calcification", "severe").Set("lesion.lengthMm", 30).Build();
        compiled.Evaluate(one, Scenario.Now).Advice.Should().BeEquivalentTo(compiled.Evaluate(two, Scenario.Now).Advice);
        compiled.Evaluate(one, Scenario.Now).Advice.Should().Contain(a => a.RuleId == "crossing.knuckle");
    }
}
