using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 15, item 6: the host's Content-Security-Policy is one the site's pages satisfy. Each page
/// is opened in Chromium as a caller who may see it; the browser's own
/// <c>securitypolicyviolation</c> events and CSP console messages must stay empty.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ContentSecurityPolicyTests(SiteFixture site)
{
    private const string RuleId = "crossing.adr.favourable-distal-vessel";

    // Recorded before any page script runs, so a violation during start-up is seen too.
    private const string Recorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber));
        """;

    [Fact]
    public async Task No_page_of_the_site_violates_the_content_security_policy()
    {
        await site.EnsureAccountsAsync();
        var violations = new List<string>();
        var pagesChecked = 0;

        var anonymous = await site.NewPageAsync();
        pagesChecked += await CheckAsync(anonymous, violations, "/Account/Login", "/api/docs/v1");

        var author = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        pagesChecked += await CheckAsync(author, violations, "/", "/rules", $"/rules/{RuleId}", $"/rules/{RuleId}/history", $"/rules/{RuleId}/edit",
            "/rules/new", "/algorithm", "/corpus", "/corpus/case/bound-cross-ct-bend", "/corpus/case/bound-cross-ct-bend/edit", "/corpus/cases/new", "/committee/overrides", "/review", "/advisor", "/diff",
            "/Account/ChangePassword");
        // Monaco's editor must have started under the policy (its worker and fonts), not only the page around it.
        await author.GotoAsync($"/rules/{RuleId}/edit");
        await SiteFixture.WaitForCircuitAsync(author);
        await author.Locator("#condition-editor .view-lines").WaitForAsync();
        violations.AddRange((await author.EvaluateAsync<string[]>("window.__csp")).Select(v => $"/rules/{RuleId}/edit (editor started): {v}"));

        var admin = await site.SignedInPageAsync("admin", SiteFixture.AdminPassword);
        pagesChecked += await CheckAsync(admin, violations, "/admin/users", "/admin/keys", "/audit", "/Account/AccessDenied");

        string.Join('\n', violations).Should().BeEmpty("every page satisfies the policy the host sends");
        pagesChecked.Should().Be(22);
    }

    private static async Task<int> CheckAsync(IPage page, List<string> violations, params string[] paths)
    {
        await page.AddInitScriptAsync(Recorder);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (console) console.Add(m.Text); };
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            response!.Headers.Should().ContainKey("content-security-policy", path);
            // Interactive pages: wait for the circuit, so the scripts that start it ran under the policy.
            if (!path.StartsWith("/Account", StringComparison.Ordinal) && !path.StartsWith("/api/docs", StringComparison.Ordinal))
                await SiteFixture.WaitForCircuitAsync(page);
            // Let late scripts and styles (MudBlazor's, Monaco's) load; the circuit's WebSocket never goes idle.
            await page.WaitForLoadStateAsync(LoadState.Load);
            await page.WaitForTimeoutAsync(1500);
            violations.AddRange((await page.EvaluateAsync<string[]>("window.__csp")).Select(v => $"{path}: {v}"));
            lock (console)
            {
                violations.AddRange(console.Select(c => $"{path} (console): {c}"));
                console.Clear();
            }
        }
        return paths.Length;
    }
}
