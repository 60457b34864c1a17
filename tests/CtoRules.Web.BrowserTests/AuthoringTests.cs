using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CtoRules.Web.BrowserTests;

/// <summary>The authoring site end to end in Chromium: accounts, editing with live diagnostics, history, conflicts, roles.</summary>
[Collection(SiteCollection.Name)]
public sealed class AuthoringTests(SiteFixture site, ITestOutputHelper output)
{
    private const string EditedRule = "crossing.cap.base";
    private const string ConflictRule = "crossing.cap.high-tip-load-wire";

    [Fact]
    public async Task First_run_admin_changes_the_printed_password_and_creates_an_author()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync("admin", SiteFixture.AdminPassword);
        await page.GotoAsync("/admin/users");
        await SiteFixture.WaitForCircuitAsync(page);
        var rows = page.Locator("tbody tr");
        (await rows.Filter(new() { HasText = site.AuthorName }).InnerTextAsync()).Should().Contain("author").And.Contain("active");
        (await rows.Filter(new() { HasText = "admin" }).First.InnerTextAsync()).Should().Contain("active");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Author_edits_a_condition_into_an_error_sees_the_squiggle_fixes_it_saves_and_sees_the_revision()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);

        await page.GotoAsync("/rules");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = EditedRule, Exact = true }).WaitForAsync();
        await SiteFixture.Screenshot(page, "rules-list");
        await AxeAssert.NoSeriousViolationsAsync(page, "rules list");

        await page.GotoAsync($"/rules/{EditedRule}");
        await SiteFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "https://doi.org/", Exact = false }).First.WaitForAsync();
        await SiteFixture.Screenshot(page, "rule-read");
        await AxeAssert.NoSeriousViolationsAsync(page, "rule read page");

        await page.GotoAsync($"/rules/{EditedRule}/edit");
        await SiteFixture.WaitForCircuitAsync(page);
        var editor = page.Locator("#condition-editor");
        await editor.Locator("textarea").First.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" and lesion.lengthMm > 5 and lesion.bogus", new() { Delay = 20 });
        var typedAt = await page.EvaluateAsync<double>("performance.now()");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#condition-editor[data-markers='1']").WaitForAsync();
        var squiggleAt = await page.EvaluateAsync<double>("window.ctoCondition.lastMarkersAt");
        await editor.Locator(".squiggly-error").First.WaitForAsync();
        var markers = await page.GetByTestId("condition-markers").InnerTextAsync();
        markers.Should().Contain("CTO3001").And.Contain("lesion.bogus");
        Report($"keystroke pause to squiggle: {squiggleAt - typedAt:0} ms (includes the 300 ms debounce)");
        await SiteFixture.Screenshot(page, "rule-edit-error");
        await AxeAssert.NoSeriousViolationsAsync(page, "rule editor");

        await editor.Locator("textarea").First.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        for (var i = 0; i < " and lesion.bogus".Length; i++) await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#condition-editor[data-markers='0']").WaitForAsync();

        await SiteFixture.Input(page, "save-comment").FillAsync("Only for lesions longer than 5 mm (browser test)");
        await page.GetByTestId("save").ClickAsync();
        var result = page.GetByTestId("save-result");
        await result.And(page.Locator("[data-outcome=Saved]")).WaitForAsync();
        (await result.InnerTextAsync()).Should().Contain("Saved");
        await SiteFixture.Screenshot(page, "rule-edit-saved");

        await page.GotoAsync($"/rules/{EditedRule}/history");
        await SiteFixture.WaitForCircuitAsync(page);
        var revision = page.GetByTestId("revision").First;
        (await revision.InnerTextAsync()).Should().Contain(site.AuthorName).And.Contain("Only for lesions longer than 5 mm");
        (await revision.Locator("tr[data-kind=Changed]").CountAsync()).Should().BeGreaterThan(0);
        // The version line changes too (CTO1021 raised it), so look for the condition among the changed rows.
        (await revision.Locator("tr[data-kind=Changed]").AllInnerTextsAsync()).Should().Contain(row => row.Contains("lesion.lengthMm > 5"));
        await SiteFixture.Screenshot(page, "rule-history");
        await AxeAssert.NoSeriousViolationsAsync(page, "rule history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_after_someone_elses_save_is_refused_keeping_the_text_and_showing_the_difference()
    {
        await site.EnsureAccountsAsync();
        var first = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        var second = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/rules/{ConflictRule}/edit");
            await SiteFixture.WaitForCircuitAsync(page);
            await page.Locator("#condition-editor .view-lines").WaitForAsync();
        }

        await SiteFixture.Input(second, "title").FillAsync("Title saved first by the second context");
        await SiteFixture.Input(second, "save-comment").FillAsync("second context saves first");
        await second.GetByTestId("save").ClickAsync();
        await second.Locator("[data-testid=save-result][data-outcome=Saved]").WaitForAsync();

        var mine = "Title of the first context, kept on conflict";
        await SiteFixture.Input(first, "title").FillAsync(mine);
        await SiteFixture.Input(first, "save-comment").FillAsync("first context saves last");
        await first.GetByTestId("save").ClickAsync();
        var refused = first.Locator("[data-testid=save-result][data-outcome=Conflict]");
        await refused.WaitForAsync();
        (await SiteFixture.Input(first, "title").InputValueAsync()).Should().Be(mine);
        var diff = await refused.Locator("table.site-diff").InnerTextAsync();
        diff.Should().Contain("Title saved first by the second context").And.Contain(mine);
        await SiteFixture.Screenshot(first, "rule-edit-conflict");

        var onDisk = await File.ReadAllTextAsync(Path.Combine(site.Host.Root, "rules", "crossing", ConflictRule + ".md"));
        onDisk.Should().Contain("Title saved first by the second context").And.NotContain(mine);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task An_auditor_cannot_edit_the_server_refuses_the_editor()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(SiteFixture.AuditorName, SiteFixture.AuditorPassword);

        await page.GotoAsync($"/rules/{EditedRule}");
        await SiteFixture.WaitForCircuitAsync(page);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).CountAsync()).Should().Be(0);

        // Not only a hidden button: the server answers the editor's URL with a redirect to access denied.
        var response = await page.Context.APIRequest.GetAsync($"/rules/{EditedRule}/edit", new() { MaxRedirects = 0 });
        response.Status.Should().Be(302);
        response.Headers["location"].Should().Contain("/Account/AccessDenied");
        await page.GotoAsync($"/rules/{EditedRule}/edit");
        page.Url.Should().Contain("/Account/AccessDenied");
        (await page.Locator("#condition-editor").CountAsync()).Should().Be(0);
        await SiteFixture.Screenshot(page, "access-denied");
        await AxeAssert.NoSeriousViolationsAsync(page, "access denied");

        var admin = await page.Context.APIRequest.GetAsync("/admin/users", new() { MaxRedirects = 0 });
        admin.Status.Should().Be(302);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_and_home_pages_pass_axe()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SiteFixture.Screenshot(page, "account-login");
        await AxeAssert.NoSeriousViolationsAsync(page, "sign-in page");
        await page.GotoAsync("/");
        await SiteFixture.WaitForCircuitAsync(page);
        await SiteFixture.Screenshot(page, "home");
        await AxeAssert.NoSeriousViolationsAsync(page, "home page");
        await page.Context.CloseAsync();
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(SiteFixture.Screenshots, "..", "squiggle-latency.txt"), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
    }
}
