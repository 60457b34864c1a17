using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 12's "write cases" in Chromium: the advisor's advice saved as a corpus case, trimmed, saved
/// with a comment, then opened, edited and saved again.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CorpusCaseTests(SiteFixture site)
{
    private const string Name = "browser-corpus-case";

    // At lesion preparation, intraplaque: the crossing rules other tests of this host edit are out of scope for it.
    private const string Case = """
        {"schema":"ctorules/case@1","id":"browser-corpus-case","lesion":{"vessel":"LAD","calcification":"severe","lengthMm":25},"ivus":{"calciumDistribution":"concentric","calciumDepth":"deep","calciumArcDeg":300},"procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"intraplaque","deviceCrossing":"crossed","balloonExpansion":"incomplete"}}
        """;

    [Fact]
    public async Task The_advice_is_saved_as_a_trimmed_corpus_case_that_passes_and_can_be_edited()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        await page.GotoAsync("/advisor");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.GetByText("Paste, upload or download a case").ClickAsync();
        await page.GetByLabel("Case text").FillAsync(Case);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load pasted case" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('input')].some(i => i.value === '{Name}')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate", Exact = true }).ClickAsync();
        await page.Locator(".advice-item").First.WaitForAsync();

        await page.GetByTestId("save-as-corpus-case").ClickAsync();
        await page.WaitForURLAsync("**/corpus/cases/new?draft=*");
        await page.Locator("#captured").WaitForAsync();
        var rows = page.Locator(".expected-advice tr.expectation");
        var captured = await rows.CountAsync();
        captured.Should().BeGreaterThan(1, "the advisor gave more than one piece of advice for this case");
        await rows.Last.Locator(".remove-expectation").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.expected-advice tr.expectation').length === {captured - 1}");
        await SiteFixture.Input(page, "corpus-save-comment").FillAsync("Captured from the advisor and trimmed (browser test)");
        await SiteFixture.Screenshot(page, "corpus-case-new");
        await AxeAssert.NoSeriousViolationsAsync(page, "new corpus case");
        await page.GetByTestId("corpus-save").ClickAsync();
        await page.Locator("[data-testid=corpus-save-result][data-outcome=Saved]").WaitForAsync();

        var file = Path.Combine(site.Host.Root, "tests", "corpus", Name + ".yaml");
        var saved = await File.ReadAllTextAsync(file);
        saved.Should().StartWith("schema: ctorules/corpus-case@1").And.Contain("id: " + Name);
        saved.Split('\n').Count(l => l.TrimStart().StartsWith("- { kind:", StringComparison.Ordinal)).Should().Be(captured - 1);
        File.Exists(Path.Combine(SiteHost.RepoRoot, "tests", "corpus", Name + ".yaml")).Should().BeFalse("the site writes into its own working copy");

        await page.GotoAsync($"/corpus/case/{Name}");
        await SiteFixture.WaitForCircuitAsync(page);
        (await page.Locator("h1").InnerTextAsync()).Should().NotBeEmpty();
        (await page.GetByText("passes").CountAsync()).Should().BeGreaterThan(0, "the trimmed expectation is met by the rules that gave it");
        await page.Locator("#edit-corpus-case").ClickAsync();
        await page.WaitForURLAsync($"**/corpus/case/{Name}/edit");
        await SiteFixture.WaitForCircuitAsync(page);
        await SiteFixture.Input(page, "case-title").FillAsync("Deep concentric calcium, balloon does not expand (edited in the browser)");
        await SiteFixture.Input(page, "corpus-save-comment").FillAsync("Clearer title");
        await page.GetByTestId("corpus-save").ClickAsync();
        await page.Locator("[data-testid=corpus-save-result][data-outcome=Saved]").WaitForAsync();
        await SiteFixture.Screenshot(page, "corpus-case-edit");
        await AxeAssert.NoSeriousViolationsAsync(page, "edit corpus case");
        (await File.ReadAllTextAsync(file)).Should().Contain("(edited in the browser)");
        await page.Context.CloseAsync();
    }
}
