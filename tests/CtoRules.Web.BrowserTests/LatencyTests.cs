using Xunit.Abstractions;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Keystroke-to-squiggle latency of the condition editor, printed (never asserted: the machine's
/// load decides it). The test itself asserts only that the squiggle and its diagnostic appear.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LatencyTests(SiteFixture site, ITestOutputHelper output)
{
    private const string Rule = "crossing.impenetrable-cap.support";

    [Fact]
    public async Task Typing_an_unknown_fact_fast_raises_a_squiggle_and_the_latency_is_reported()
    {
        await site.EnsureAccountsAsync();
        var page = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        var editor = await SiteFixture.OpenConditionAtEndAsync(page, Rule);

        // The observer stamps the first frame that holds Monaco's error decoration.
        await page.EvaluateAsync("""
            () => {
              window.__squiggleAt = null;
              window.__lastKeyAt = null;
              // Stamped in the page, not after the driver's round trip, which is slow on a loaded machine.
              document.addEventListener('keydown', () => { window.__lastKeyAt = performance.now(); }, true);
              const root = document.querySelector('#condition-editor');
              new MutationObserver((_, o) => {
                if (window.__squiggleAt === null && root.querySelector('.squiggly-error')) { window.__squiggleAt = performance.now(); o.disconnect(); }
              }).observe(root, { subtree: true, childList: true, attributes: true });
            }
            """);
        await page.Keyboard.TypeAsync(" and lesion.bogus");
        await editor.Locator(".squiggly-error").First.WaitForAsync();
        await page.WaitForFunctionAsync("window.__squiggleAt !== null");
        var squiggleAt = await page.EvaluateAsync<double>("window.__squiggleAt");
        var typedAt = await page.EvaluateAsync<double>("window.__lastKeyAt");
        (await page.GetByTestId("condition-markers").InnerTextAsync()).Should().Contain("CTO3001").And.Contain("lesion.bogus");

        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "unknown";
        var line = $"last keystroke to squiggle (no typing delay, 300 ms debounce included): {squiggleAt - typedAt:0} ms; load average {load}";
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(SiteFixture.Screenshots, "..", "squiggle-latency.txt"), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
        await SiteFixture.Screenshot(page, "rule-edit-latency");
        await page.Context.CloseAsync();
    }
}
