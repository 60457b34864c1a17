using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>Issue 11: an admin creates an API key in the site, a downstream app evaluates with it, and revoking it shuts the app out.</summary>
[Collection(SiteCollection.Name)]
public sealed class ApiKeysPageTests(SiteFixture site)
{
    private const string Body = """
        {"schema":"ctorules/case@1","id":"browser-key-page","lesion":{"vessel":"RCA","calcification":"severe"},"procedure":{"stage":"planning"}}
        """;

    [Fact]
    public async Task An_admin_creates_a_key_that_evaluates_once_shown_and_revoking_it_gives_401()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync("admin", SiteFixture.AdminPassword);
        await page.GotoAsync("/admin/keys");
        await SiteFixture.WaitForCircuitAsync(page);
        var name = "browser-app-" + Guid.NewGuid().ToString("N")[..8];
        await SiteFixture.Input(page, "new-key-name").FillAsync(name);
        await page.GetByTestId("create-key").ClickAsync();
        var secret = await page.GetByTestId("new-key-secret").InnerTextAsync();
        secret.Should().StartWith("ctok_");
        await SiteFixture.Screenshot(page, "admin-api-keys");
        await AxeAssert.NoSeriousViolationsAsync(page, "admin api keys");

        var headers = new Dictionary<string, string> { ["X-Api-Key"] = secret, ["Content-Type"] = "application/json" };
        var evaluated = await page.Context.APIRequest.PostAsync("/api/v1/evaluate", new() { Headers = headers, Data = Body });
        evaluated.Status.Should().Be(200, await evaluated.TextAsync());
        (await evaluated.TextAsync()).Should().Contain("\"schema\":\"ctorules/advice@1\"");

        // Shown once: after a reload the list shows the key's start only, and its use.
        await page.ReloadAsync();
        await SiteFixture.WaitForCircuitAsync(page);
        var row = page.GetByTestId("api-key-row").Filter(new() { HasText = name });
        (await row.InnerTextAsync()).Should().Contain(secret[..11]).And.NotContain(secret).And.Contain("evaluate").And.Contain("active");
        (await page.ContentAsync()).Should().NotContain(secret);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByTestId("key-message").Filter(new() { HasText = "revoked" }).WaitForAsync();
        var refused = await page.Context.APIRequest.PostAsync("/api/v1/evaluate", new() { Headers = headers, Data = Body });
        refused.Status.Should().Be(401);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_author_cannot_open_the_keys_page()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        await page.GotoAsync("/admin/keys");
        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        (await page.ContentAsync()).Should().NotContain("Create key");
        await page.Context.CloseAsync();
    }
}
