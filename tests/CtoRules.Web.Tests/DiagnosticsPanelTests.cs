using Bunit;
using CtoRules.Authoring.Editing;
using CtoRules.Language.Diagnostics;
using CtoRules.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CtoRules.Web.Tests;

/// <summary>bUnit: the editor's diagnostics panel lists every diagnostic with its code and message and links those of other rules.</summary>
public class DiagnosticsPanelTests : BunitContext
{
    public DiagnosticsPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Lists_code_and_message_and_links_a_diagnostic_of_another_rule_to_its_editor()
    {
        var here = new PlacedDiagnostic(DiagnosticDescriptors.UnknownAction.Create(new SourceLocation("rules/crossing/a.md", 7, 11), "KNUCKEL", "; did you mean 'KNUCKLE'?"), "crossing.a", InEditedFile: true);
        var other = new PlacedDiagnostic(DiagnosticDescriptors.UnknownKind.Create(new SourceLocation("rules/crossing/b.md", 8, 7), "maybe", "recommend, consider"), "crossing.b", InEditedFile: false);

        var panel = Render<DiagnosticsPanel>(p => p.Add(c => c.Diagnostics, [here, other]));

        var items = panel.FindAll("li");
        items.Should().HaveCount(2);
        items[0].GetAttribute("data-code").Should().Be("CTO1010");
        items[0].TextContent.Should().Contain("error CTO1010").And.Contain("unknown action code 'KNUCKEL'").And.Contain("line 7, column 11");
        items[0].QuerySelector("a").Should().BeNull("a diagnostic of the edited rule is shown in place, not linked away");
        items[1].QuerySelector("a")!.GetAttribute("href").Should().Be("rules/crossing.b/edit");
        panel.FindAll("[data-testid=diagnostics-none]").Should().BeEmpty();
    }

    [Fact]
    public void Says_so_when_there_is_nothing_to_report()
    {
        var panel = Render<DiagnosticsPanel>(p => p.Add(c => c.Diagnostics, []));
        panel.Find("[data-testid=diagnostics-none]").TextContent.Should().Contain("No errors or warnings");
        panel.FindAll("li").Should().BeEmpty();
    }
}
