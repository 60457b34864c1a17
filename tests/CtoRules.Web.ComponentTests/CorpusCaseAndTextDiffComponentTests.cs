using CtoRules.Authoring.CorpusCases;
using CtoRules.Web.Components.Shared;

namespace CtoRules.Web.ComponentTests;

/// <summary>The corpus-case form (expectations trimmed, errors at their row) and the side-by-side text diff.</summary>
public class CorpusCaseAndTextDiffComponentTests
{
    private static CorpusCaseForm Form()
    {
        var form = new CorpusCaseForm { Title = "Captured", Tags = "planning" };
        form.Case.Id = "bunit-case";
        form.Case["procedure.stage"] = "planning";
        form.Case["lesion.calcification"] = "severe";
        form.Advice.Add(new ExpectedAdvice { Kinds = "recommend", Action = "CCTA" });
        form.Advice.Add(new ExpectedAdvice { Kinds = "consider", Action = "KNUCKLE" });
        form.Scores.Add(new ExpectedScore { Score = "J-CTO", Points = "1" });
        return form;
    }

    [Fact]
    public async Task Removing_an_expectation_row_trims_it_from_the_form_and_the_file()
    {
        var form = Form();
        var changes = 0;
        await using var ctx = ComponentTestKb.Context();
        var view = ctx.Render<CorpusCaseFormView>(p => p.Add(v => v.Form, form).Add(v => v.Check, form.Check()).Add(v => v.Changed, () => changes++));
        view.FindAll(".expected-advice tr.expectation").Select(r => r.GetAttribute("data-action")).Should().Equal("CCTA", "KNUCKLE");

        view.FindAll(".expected-advice .remove-expectation")[1].Click();

        changes.Should().Be(1);
        form.Advice.Select(a => a.Action).Should().Equal("CCTA");
        view.FindAll(".expected-advice tr.expectation").Should().ContainSingle();
        form.Check().Text.Should().Contain("action: CCTA").And.NotContain("KNUCKLE");
        view.Find("[data-path='lesion.calcification']").Should().NotBeNull("the advisor's case form is part of the corpus-case form");
    }

    [Fact]
    public async Task An_unknown_action_code_is_shown_at_its_row_with_the_readers_message()
    {
        var form = Form();
        form.Advice[1].Action = "KNUCKEL";
        form.Scores[0].Points = "one";
        await using var ctx = ComponentTestKb.Context();

        var view = ctx.Render<CorpusCaseFormView>(p => p.Add(v => v.Form, form).Add(v => v.Check, form.Check()));

        var rows = view.FindAll(".expected-advice tr.expectation");
        rows[0].TextContent.Should().NotContain("not an action code");
        rows[1].TextContent.Should().Contain("'KNUCKEL' is not an action code");
        view.Find(".expected-scores tr[data-score='J-CTO']").TextContent.Should().Contain("expected a number of points");
    }

    [Fact]
    public async Task The_text_view_shows_the_changed_rule_file_side_by_side_with_the_changed_lines_highlighted()
    {
        var diff = ComponentTestKb.KnuckleDiff();
        await using var ctx = ComponentTestKb.Context();

        var view = ctx.Render<DiffViews>(p => p.Add(v => v.Diff, diff));

        var file = view.Find(".file-diff");
        file.GetAttribute("data-file").Should().EndWith("knuckle.md");
        var changed = file.QuerySelectorAll("table.site-diff tr[data-kind=Changed]");
        changed.Select(r => r.TextContent).Should().Contain(t => t.Contains("lesion.lengthMm >= 20") && t.Contains("lesion.lengthMm >= 40"));
        changed.Should().HaveCount(2, "the version line and the condition line changed");
        changed[0].QuerySelector(".site-diff-del").Should().NotBeNull();
        changed[0].QuerySelector(".site-diff-ins").Should().NotBeNull();
        file.QuerySelectorAll("table.site-diff tr[data-kind=Same]").Should().NotBeEmpty("unchanged lines stay for context");
    }
}
