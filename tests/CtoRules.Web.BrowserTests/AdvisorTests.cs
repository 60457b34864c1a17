using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>The advisor page end to end in Chromium (issue 10): a case in, scores, references, undecided advice and why-not.</summary>
[Collection(SiteCollection.Name)]
public sealed class AdvisorTests(SiteFixture site)
{
    // Extraplaque tracking after crossing with eccentric calcium; the balloon's expansion is left
    // unknown so that some lesion-preparation advice waits for it.
    private const string Case = """
        {"schema":"ctorules/case@1","id":"browser-advisor-case","lesion":{"vessel":"RCA","calcification":"severe","lengthMm":30,"stump":"blunt","bendOver45":false,"previousFailedAttempt":false},"ivus":{"calciumDistribution":"eccentric","calciumDepth":"superficial","calciumArcDeg":200},"procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"extraplaque","deviceCrossing":"crossed"}}
        """;

    // Needs intraplaque tracking and deep concentric calcium: the case gives neither.
    private const string NotFiredRule = "prep.deep-concentric.ivl";

    [Fact]
    public async Task A_signed_in_user_evaluates_a_case_and_sees_reasons_references_undecided_advice_and_why_not()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(SiteFixture.AuditorName, SiteFixture.AuditorPassword);
        await page.GotoAsync("/advisor");
        await SiteFixture.WaitForCircuitAsync(page);

        await page.GetByText("Paste, upload or download a case").ClickAsync();
        var pasted = page.GetByLabel("Case text");
        await pasted.FillAsync(Case);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load pasted case" }).ClickAsync();
        // The form shows the loaded case: its id is in the case id field.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('input')].some(i => i.value === 'browser-advisor-case')");

        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate", Exact = true }).ClickAsync();
        var reason = page.Locator(".score-reason").First;
        await reason.WaitForAsync();
        (await reason.InnerTextAsync()).Should().MatchRegex(@"^\+\S+ .+ because .+");

        var doi = page.Locator(".advice-item a.reference-link[href*='doi.org']").First;
        await doi.WaitForAsync();
        (await doi.GetAttributeAsync("href")).Should().StartWith("https://doi.org/10.");

        var undecided = page.Locator(".undecided-item").First;
        await undecided.WaitForAsync();
        (await undecided.Locator(".deciding-facts").InnerTextAsync()).Should().StartWith("Would be decided by: ").And.MatchRegex(@"by: \w+\.\w+");

        await page.GetByLabel("Rule id").FillAsync(NotFiredRule);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain", Exact = true }).ClickAsync();
        var tree = page.Locator($".why-not-tree[data-rule='{NotFiredRule}']");
        await tree.WaitForAsync();
        (await tree.GetAttributeAsync("data-outcome")).Should().Be("NotFired");
        var blocking = tree.Locator("li.clause-blocking").First;
        await blocking.WaitForAsync();
        (await blocking.GetAttributeAsync("data-value")).Should().NotBe("true");
        (await blocking.InnerTextAsync()).Should().Contain("stopped it");
        (await tree.Locator(".why-blocking li").AllInnerTextsAsync()).Should().NotBeEmpty();

        await SiteFixture.Screenshot(page, "advisor-why-not");
        await AxeAssert.NoSeriousViolationsAsync(page, "advisor");

        // The evaluation is an audit record like an API call's: channel "site", the user as caller.
        await page.GotoAsync("/audit");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.Locator("#audit-case-id").Locator("xpath=descendant-or-self::input").First.FillAsync("browser-advisor-case");
        await page.Locator("#audit-search").ClickAsync();
        var row = page.Locator("table tbody tr").Filter(new() { HasText = "browser-advisor-case" }).First;
        await row.WaitForAsync();
        (await row.InnerTextAsync()).Should().Contain("site").And.Contain(SiteFixture.AuditorName);
        await page.Context.CloseAsync();
    }
}
