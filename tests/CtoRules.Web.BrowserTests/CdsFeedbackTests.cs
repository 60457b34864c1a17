using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 13's loop in Chromium: a real CDS Hooks call (signed JWT) gets cards, the client posts an
/// override for one, and a signed-in user sees it on the rule's page and in the committee view.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CdsFeedbackTests(SiteFixture site)
{
    private const string ClauseRule = "crossing.adr.favourable-distal-vessel";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private async Task<JsonNode> PostAsync(HttpClient client, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.CdsClient.Token(site.Host.BaseUrl + path));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task An_override_posted_as_CDS_Hooks_feedback_shows_on_the_rules_page_and_in_the_committee_view()
    {
        await site.EnsureAccountsAsync();
        using var client = new HttpClient { BaseAddress = new Uri(site.Host.BaseUrl) };
        var cards = (await PostAsync(client, "/cds-services/cto-calcium-advisor", Fixture("order-select-patient-cabg.json")))["cards"]!.AsArray();
        cards.Should().NotBeEmpty();
        var card = cards[0]!;
        var rule = (string)card["source"]!["topic"]!["code"]!;
        ((string)card["source"]!["url"]!).Should().EndWith("/rules/" + rule);
        var feedback = Fixture("feedback-overridden.json").Replace("{{card}}", (string)card["uuid"]!);
        (await PostAsync(client, "/cds-services/cto-calcium-advisor/feedback", feedback))["stored"]!.GetValue<int>().Should().Be(1);

        var page = await site.SignedInPageAsync(SiteFixture.AuditorName, SiteFixture.AuditorPassword);
        await page.GotoAsync($"/rules/{rule}");
        await SiteFixture.WaitForCircuitAsync(page);
        var overrides = page.Locator(".cds-feedback .cds-overrides li");
        await overrides.First.WaitForAsync();
        (await overrides.AllInnerTextsAsync()).Should().Contain(o => o.Contains("Device not available in this lab") && o.Contains("No IVL catheters in stock today"));
        (await page.Locator(".cds-feedback table tbody td").AllInnerTextsAsync()).Should().ContainInOrder("1", "0", "1");
        await SiteFixture.Screenshot(page, "rule-cds-feedback");
        await AxeAssert.NoSeriousViolationsAsync(page, "rule page");

        // A rule page with a condition lists each clause's corpus coverage (the card's rule may have none).
        await page.GotoAsync($"/rules/{ClauseRule}");
        await SiteFixture.WaitForCircuitAsync(page);
        var clauses = page.Locator("#clause-coverage tbody tr");
        await clauses.First.WaitForAsync();
        var texts = await clauses.Locator("code").AllInnerTextsAsync();
        texts.Should().HaveCount(3);
        texts[0].Should().Contain("heavyCalcification");
        texts[2].Should().Contain("adrFavourableDistalVessel");
        (await page.Locator("#clause-coverage-summary").InnerTextAsync()).Should().MatchRegex(@"^\d of 3 clause\(s\)");
        await SiteFixture.Screenshot(page, "rule-clause-coverage");

        await page.GotoAsync("/committee/overrides");
        await SiteFixture.WaitForCircuitAsync(page);
        var row = page.Locator($"table tr:has(a[href='rules/{rule}'])");
        await row.WaitForAsync();
        (await row.InnerTextAsync()).Should().MatchRegex(@"\t1\t0\t1\t100\s?%").And.Contain("Device not available in this lab");
        await SiteFixture.Screenshot(page, "committee-overrides");
        await AxeAssert.NoSeriousViolationsAsync(page, "committee overrides");
        await page.Context.CloseAsync();
    }
}
