using CtoRules.Authoring.Browsing;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests.CorpusCases;

/// <summary>The rule page's corpus numbers: coverage and clause coverage, recounted when a corpus case is added.</summary>
public class CorpusCoverageTests
{
    [Fact]
    public void Every_clause_of_a_rule_is_listed_with_the_cases_that_make_it_true_and_false_and_a_new_case_counts_at_once()
    {
        var kb = new TestKb();
        var set = RuleSetReader.LoadDirectory(kb.Rules).RuleSet!;
        var coverage = new CorpusCoverage(kb.Corpus);
        var rule = set.Rules.First(r => r.Id == "crossing.knuckle");

        var clauses = coverage.ClausesFor(set, rule.Id);

        clauses.Should().NotBeEmpty();
        clauses.Select(c => c.Clause).Should().BeInAscendingOrder();
        clauses.Should().Contain(c => c.Text.Contains("lesion.lengthMm"));
        var before = clauses.Sum(c => c.TrueIn.Length + c.FalseIn.Length);
        coverage.Clauses(set).Clauses.Length.Should().BeGreaterThan(clauses.Length);

        kb.Write("tests/corpus/c9-added.yaml", kb.Read("tests/corpus/c1-planning-heavy-long.yaml").Replace("  id: c1\n", "  id: c9\n"));

        coverage.ClausesFor(set, rule.Id).Sum(c => c.TrueIn.Length + c.FalseIn.Length).Should().BeGreaterThan(before);
    }
}

/// <summary>Clause coverage on the shipped rules: a rule with a condition lists its clauses; a rule without one (always applies) has none.</summary>
public class CorpusCoverageShippedTests
{
    [Fact]
    public void Every_shipped_rule_with_a_condition_has_its_clauses_listed()
    {
        var wc = new CtoRules.Authoring.Workspace.WorkingCopy(Path.Combine(TestRepo.Root, "rules"), Path.Combine(TestRepo.Root, "packs"));
        var coverage = new CorpusCoverage(Path.Combine(wc.Root, "tests", "corpus"));
        foreach (var rule in wc.Current.RuleSet.Rules)
            coverage.ClausesFor(wc.Current.RuleSet, rule.Id).IsEmpty.Should().Be(string.IsNullOrWhiteSpace(rule.When), rule.Id);
        wc.Current.RuleSet.Rules.Should().Contain(r => string.IsNullOrWhiteSpace(r.When), "imaging.dual-injection always applies");
    }
}
