using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>Issue 12 in Chromium: the corpus run with progress and results; the algorithm view with a case's path.</summary>
[Collection(SiteCollection.Name)]
public sealed class CorpusAndAlgorithmTests(SiteFixture site)
{
    [Fact]
    public async Task Running_the_corpus_shows_progress_then_results()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        await page.GotoAsync("/corpus");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.Locator("#run-corpus").ClickAsync();

        var progress = page.Locator("#corpus-progress");
        await progress.WaitForAsync();
        int.Parse(await progress.GetAttributeAsync("data-total") ?? "0").Should().BeGreaterThan(0);
        await page.Locator("#corpus-progress[data-running=false]").WaitForAsync(new() { Timeout = 180_000 });
        (await progress.GetAttributeAsync("data-done")).Should().Be(await progress.GetAttributeAsync("data-total"));

        var summary = await page.Locator("#corpus-summary").InnerTextAsync();
        summary.Should().MatchRegex(@"^\d+ passed, \d+ failed, \d+ errors of [1-9]\d* cases");
        (await page.Locator("#coverage tbody tr").CountAsync()).Should().BeGreaterThan(0);
        await SiteFixture.Screenshot(page, "corpus-results");
        await AxeAssert.NoSeriousViolationsAsync(page, "corpus");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_algorithm_view_highlights_the_path_of_a_chosen_case()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(SiteFixture.AuditorName, SiteFixture.AuditorPassword);
        await page.GotoAsync("/algorithm");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.Locator("svg.algorithm").First.WaitForAsync();
        (await page.Locator("g.box[data-state=fired]").CountAsync()).Should().Be(0, "no case is chosen yet");

        await page.GetByLabel("Corpus case").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Extraplaque tracking, eccentric calcium, balloon does not expand" }).ClickAsync();
        await page.Locator("g.box[data-state=fired]").First.WaitForAsync();
        // The path is the fired boxes against the rest, which are marked "not reached" or "undecided" (in words too).
        (await page.Locator("g.box[data-state=fired] title").First.TextContentAsync()).Should().Contain("(fired)");
        (await page.Locator("g.box[data-state='not reached']").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("g.box[data-state='']").CountAsync()).Should().Be(0, "every box of every diagram gets a state once a case is chosen");
        await SiteFixture.Screenshot(page, "algorithm-path");
        await AxeAssert.NoSeriousViolationsAsync(page, "algorithm");
        await page.Context.CloseAsync();
    }
}
