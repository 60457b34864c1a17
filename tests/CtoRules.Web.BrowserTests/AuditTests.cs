using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>The audit trail end to end (issue 11): a keyed API evaluation is found by an auditor, explained and replayed identically.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class AuditTests(SiteFixture site)
{
    private const string ExplainedRule = "prep.extraplaque.avoid-atherectomy";

    [Fact]
    public async Task An_api_evaluation_is_found_by_case_id_explained_and_replayed_identically_by_an_auditor()
    {
        await site.EnsureAccountsAsync();
        var created = await SiteFixture.RunCliAsync("", "apikey", "create", "--name", "browser-audit-" + Guid.NewGuid().ToString("N")[..8], "--scope", "evaluate", "--data", site.Host.DataDirectory);
        var key = ApiKey().Match(created);
        key.Success.Should().BeTrue("the CLI prints the new key: " + created);

        var caseId = "browser-audit-" + Guid.NewGuid().ToString("N");
        var body = $$$"""
            {"schema":"ctorules/case@1","id":"{{{caseId}}}","lesion":{"vessel":"RCA","calcification":"severe","lengthMm":30,"stump":"blunt","bendOver45":false,"previousFailedAttempt":false},"ivus":{"calciumDistribution":"eccentric","calciumDepth":"superficial","calciumArcDeg":200},"procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"extraplaque","deviceCrossing":"crossed","balloonExpansion":"incomplete"}}
            """;
        var page = await site.SignedInPageAsync(SiteFixture.AuditorName, SiteFixture.AuditorPassword);
        var response = await page.Context.APIRequest.PostAsync("/api/v1/evaluate", new()
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = key.Value, ["Content-Type"] = "application/json" },
            Data = body,
        });
        response.Status.Should().Be(200, await response.TextAsync());
        var recordId = response.Headers["x-audit-record"];
        recordId.Should().MatchRegex(@"^\d+$");

        await page.GotoAsync("/audit");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.Locator("#audit-case-id").Locator("xpath=descendant-or-self::input").First.FillAsync(caseId);
        await page.Locator("#audit-search").ClickAsync();
        var rows = page.Locator("table tbody tr").Filter(new() { HasText = caseId });
        await rows.First.WaitForAsync();
        // The table lists every record until the search's reload lands (the advisor's and other tests'
        // evaluations are records too): wait for the filtered list, then check it.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('table tbody tr').length === 1", null, new() { Timeout = 30_000 });
        (await page.Locator("table tbody tr").CountAsync()).Should().Be(1, "only the record of this case id matches");
        (await rows.First.InnerTextAsync()).Should().Contain("api");
        await SiteFixture.Screenshot(page, "audit-search");
        await AxeAssert.NoSeriousViolationsAsync(page, "audit search");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = recordId, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/audit/{recordId}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Why: case {caseId}" }).WaitForAsync();
        await SiteFixture.WaitForCircuitAsync(page);

        await page.Locator("#audit-why-rule").Locator("xpath=descendant-or-self::input").First.FillAsync(ExplainedRule);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain", Exact = true }).ClickAsync();
        var why = page.Locator("#audit-why");
        await why.WaitForAsync();
        (await why.InnerTextAsync()).Should().Contain(ExplainedRule).And.Contain("\"outcome\"");

        await page.Locator("#audit-replay").ClickAsync();
        var replay = page.Locator("#audit-replay-result");
        await replay.WaitForAsync();
        (await replay.InnerTextAsync()).Should().Contain("Identical");
        await SiteFixture.Screenshot(page, "audit-why-replay");
        await AxeAssert.NoSeriousViolationsAsync(page, "audit record");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"ctok_[A-Za-z0-9_\-]+")]
    private static partial Regex ApiKey();
}
