using Bunit;
using CtoRules.Authoring.Advising;
using CtoRules.Cases;
using CtoRules.Engine;
using CtoRules.Language.Rules;
using CtoRules.Web.Components.Pages.Advisor;
using CtoRules.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CtoRules.Web.Tests.Advisor;

/// <summary>bUnit: the advisor's case form (unknown, range errors) and the why-not tree.</summary>
public sealed class AdvisorComponentTests : IAsyncLifetime
{
    // MudBlazor's services are only asynchronously disposable: the context is disposed with DisposeAsync.
    private readonly BunitContext _bunit = new();

    public AdvisorComponentTests()
    {
        _bunit.Services.AddMudServices();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        _bunit.Render(parameters);

    private static readonly Lazy<Engine.Advisor> Shipped = new(() =>
        new Engine.Advisor(RuleSetReader.LoadDirectory(Path.Combine(WebHost.RepoRoot, "rules")).RuleSet!));

    [Fact]
    public void Every_case_field_is_in_the_form_and_starts_unknown()
    {
        var form = new CaseForm();
        var cut = Render<CaseFormView>(p => p.Add(c => c.Form, form).Add(c => c.Check, form.Check()));

        cut.FindAll("div.case-field").Select(d => d.GetAttribute("data-path")).Should().Equal(CaseSchema.Fields.Select(f => f.Path));
        foreach (var f in CaseSchema.Fields.Where(f => f.Type is FactType.Number or FactType.Integer))
        {
            var field = cut.Find($"div.case-field[data-path='{f.Path}']");
            field.QuerySelector("input")!.GetAttribute("value").Should().BeNullOrEmpty(f.Path);
            field.TextContent.Should().Contain("empty = unknown");
        }
        // Booleans are three-state: unknown, true, false.
        var inStent = cut.Find("div.case-field[data-path='lesion.inStent']").TextContent;
        inStent.Should().Contain("unknown").And.Contain("true").And.Contain("false");
        cut.FindAll("h2").Select(h => h.TextContent).Should().Equal("Patient", "Lesion", "CCTA", "IVUS", "Procedure");
    }

    [Fact]
    public void Typing_a_value_sets_the_fact_and_emptying_it_makes_it_unknown_again()
    {
        var form = new CaseForm { ["procedure.stage"] = "planning" };
        var changes = 0;
        var cut = Render<CaseFormView>(p => p.Add(c => c.Form, form).Add(c => c.Check, form.Check()).Add(c => c.Changed, () => changes++));
        var input = cut.Find("div.case-field[data-path='lesion.lengthMm'] input");

        input.Change("25");
        form["lesion.lengthMm"].Should().Be("25");
        cut.Find("div.case-field[data-path='lesion.lengthMm'] input").Change("");
        form.IsUnknown("lesion.lengthMm").Should().BeTrue();
        changes.Should().Be(2);
    }

    [Fact]
    public void Out_of_range_values_show_the_contract_message_next_to_the_field()
    {
        var form = new CaseForm { ["procedure.stage"] = "planning", ["lesion.lengthMm"] = "400", ["patient.ageYears"] = "17" };
        var cut = Render<CaseFormView>(p => p.Add(c => c.Form, form).Add(c => c.Check, form.Check()));

        cut.Find("div.case-field[data-path='lesion.lengthMm']").TextContent.Should().Contain("400 is above the maximum 300");
        cut.Find("div.case-field[data-path='patient.ageYears']").TextContent.Should().Contain("17 is below the minimum 18");
        cut.Find("div.case-field[data-path='lesion.calcification']").TextContent.Should().NotContain("maximum");
    }

    [Fact]
    public void The_why_not_tree_marks_each_clause_and_names_the_clause_that_stopped_the_rule()
    {
        var @case = CaseReader.ReadYaml("schema: ctorules/case@1\nid: b\nlesion: { calcification: severe, lengthMm: 25 }\nprocedure: { stage: planning }\n").Case!;
        var x = Shipped.Value.Explain(@case, "imaging.ccta.limitations");
        var cut = Render<WhyNotTree>(p => p.Add(c => c.Explanation, x));

        cut.Find("section.why-not-tree").GetAttribute("data-outcome").Should().Be("NotFired");
        cut.Find("h3").TextContent.Should().Contain("did not fire");
        var stopped = cut.FindAll("li.clause-blocking");
        stopped.Should().ContainSingle().Which.TextContent.Should().Contain("known(ccta)").And.Contain("false").And.Contain("ccta = not given");
        cut.Find("ul.why-blocking").TextContent.Should().Contain("known(ccta) is false");
        // The derived fact is expanded, down to the value that decided it.
        var derived = cut.FindAll("li.clause").First(li => li.Children.First(e => e.TagName == "CODE").TextContent.StartsWith("heavyCalcification", StringComparison.Ordinal));
        derived.GetAttribute("data-value").Should().Be("true");
        derived.TextContent.Should().Contain("lesion.calcification = severe");
        cut.FindAll("li.clause-unknown").Should().NotBeEmpty("the CT alternative is unknown, and shown as such");
    }
}
