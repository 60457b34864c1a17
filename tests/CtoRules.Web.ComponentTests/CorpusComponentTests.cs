using CtoRules.Authoring.Corpus;
using CtoRules.Web.Components.Shared;

namespace CtoRules.Web.ComponentTests;

public class CorpusComponentTests
{
    /// <summary>The corpus on a copy whose knuckle rule needs 40 mm, so that case c1 (30 mm) no longer gets the knuckle.</summary>
    private static Engine.Corpus.CorpusReport BrokenKnuckleRun()
    {
        var root = ComponentTestKb.Copy();
        var rule = Path.Combine(root, "rules", "crossing", "knuckle.md");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("lesion.lengthMm >= 20", "lesion.lengthMm >= 40"));
        return ComponentTestKb.Run(root);
    }

    [Fact]
    public async Task The_results_table_lists_every_case_and_filters_to_the_failing_ones()
    {
        var report = BrokenKnuckleRun();
        await using var ctx = ComponentTestKb.Context();

        var all = ctx.Render<CorpusResultsTable>(p => p.Add(t => t.Results, report.Results));
        all.FindAll("tbody tr").Should().HaveCount(4);

        var failing = ctx.Render<CorpusResultsTable>(p => p.Add(t => t.Results, report.Results).Add(t => t.Filter, new CorpusFilter(FailingOnly: true)));
        var rows = failing.FindAll("tbody tr");
        rows.Should().ContainSingle();
        rows[0].GetAttribute("data-case").Should().Be("c1-planning-heavy-long");
        rows[0].TextContent.Should().Contain("FAIL").And.Contain("KNUCKLE");
        rows[0].QuerySelector("a")!.GetAttribute("href").Should().Be("corpus/case/c1-planning-heavy-long");

        var byStage = ctx.Render<CorpusResultsTable>(p => p.Add(t => t.Results, report.Results).Add(t => t.Filter, new CorpusFilter(Stage: "lesion-preparation")));
        byStage.FindAll("tbody tr").Should().HaveCount(2);
    }

    [Fact]
    public async Task The_case_comparison_marks_the_unmet_expectation_and_keeps_the_met_ones_plain()
    {
        var report = BrokenKnuckleRun();
        var c1 = report.Results.Single(r => r.Case.File.EndsWith("c1-planning-heavy-long.yaml", StringComparison.Ordinal));
        var comparison = CaseComparison.Of(c1.Case, c1.Evaluation!);
        await using var ctx = ComponentTestKb.Context();

        var view = ctx.Render<Components.Shared.CaseComparisonView>(p => p.Add(v => v.Comparison, comparison));
        var differing = view.FindAll(".comparison-expected li.differs");
        differing.Should().ContainSingle().Which.TextContent.Should().Contain("KNUCKLE").And.Contain("differs");
        view.FindAll(".comparison-expected li.same").Should().NotBeEmpty("the score expectation is still met");
        view.FindAll(".comparison-actual li").Should().NotBeEmpty();
    }
}
