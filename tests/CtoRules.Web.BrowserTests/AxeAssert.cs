using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>Runs axe-core on the page; serious and critical violations fail the test with their rule, help and nodes.</summary>
public static class AxeAssert
{
    public static async Task NoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.Should().BeEmpty($"{what} should pass axe without serious or critical violations, but: " + string.Join("; ",
            serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}
