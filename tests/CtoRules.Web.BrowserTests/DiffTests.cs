using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>Issue 12 in Chromium: one rule edit in the editor, then the diff of the newest pack against the working copy.</summary>
[Collection(SiteCollection.Name)]
public sealed class DiffTests(SiteFixture site)
{
    private const string Rule = "crossing.extraplaque.avoid-high-pressure";

    [Fact]
    public async Task After_one_rule_edit_the_diff_shows_the_behavioural_change_and_a_suggested_bump()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        await SiteFixture.OpenConditionAtEndAsync(page, Rule);
        // Narrows the rule: extraplaque cases without a known bend over 45° lose this advice.
        await page.Keyboard.TypeAsync(" and lesion.bendOver45", new() { Delay = 20 });
        await page.Keyboard.PressAsync("Escape");
        await SiteFixture.Input(page, "save-comment").FillAsync("Only for bent occlusions (browser diff test)");
        await page.GetByTestId("save").ClickAsync();
        await page.Locator("[data-testid=save-result][data-outcome=Saved]").WaitForAsync();

        await page.GotoAsync("/diff");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.Locator("#compare").ClickAsync();
        var bump = page.Locator(".suggested-bump");
        await bump.WaitForAsync(new() { Timeout = 120_000 });
        (await bump.InnerTextAsync()).Should().MatchRegex(@"Suggested bump: (major|minor|patch)");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Behaviour" }).ClickAsync();
        (await page.Locator(".behaviour-summary").InnerTextAsync()).Should().MatchRegex(@"^[1-9]\d* of \d+ corpus cases change advice or scores");
        (await page.Locator(".case-diff li.removed").AllInnerTextsAsync()).Should().Contain(line => line.Contains(Rule));
        await SiteFixture.Screenshot(page, "diff-behaviour");
        await AxeAssert.NoSeriousViolationsAsync(page, "diff");
        await page.Context.CloseAsync();
    }
}
