using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 12's review step in Chromium: an author submits the working copy, cannot approve their own
/// submission (four eyes), a reviewer approves and publishes, and the real CLI verifies the signed pack.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReviewAndPublishTests(SiteFixture site)
{
    private const string Rule = "crossing.adr.favourable-distal-vessel";

    [Fact]
    public async Task An_author_submits_cannot_approve_a_reviewer_approves_and_the_published_pack_verifies()
    {
        await site.EnsureAccountsAsync();
        // Other tests of this host edit rules (some on purpose so that a case fails); a review needs a
        // green corpus, so this one starts from the repository's rules and makes one wording change.
        SiteHost.ResetWorkingCopy(site.Host.Root);
        var file = Path.Combine(site.Host.Root, "rules", "crossing", Rule + ".md");
        var text = await File.ReadAllTextAsync(file);
        text.Should().Contain("version: 1\n");
        await File.WriteAllTextAsync(file, text.Replace("version: 1\n", "version: 2\n") + "The wording was clarified in a review (browser test).\n");
        var packsBefore = Directory.GetFiles(Path.Combine(SiteHost.RepoRoot, "packs"));

        var author = await site.SignedInPageAsync(site.AuthorName, SiteFixture.AuthorPassword);
        await author.GotoAsync("/diff");
        await SiteFixture.WaitForCircuitAsync(author);
        await author.Locator("#compare").ClickAsync();
        await author.Locator(".suggested-bump").WaitForAsync(new() { Timeout = 120_000 });
        await author.GetByRole(AriaRole.Tab, new() { Name = "Text" }).ClickAsync();
        var changed = author.Locator($".file-diff[data-file$='{Rule}.md'] table.site-diff tr[data-kind=Changed]");
        await changed.First.WaitForAsync();
        (await changed.AllInnerTextsAsync()).Should().Contain(t => t.Contains("version: 1") && t.Contains("version: 2"));
        await SiteFixture.Screenshot(author, "diff-text-side-by-side");
        await AxeAssert.NoSeriousViolationsAsync(author, "diff text");

        await author.GotoAsync("/review");
        await SiteFixture.WaitForCircuitAsync(author);
        (await author.Locator("#no-key").CountAsync()).Should().Be(0, "the host is configured with a signing key");
        await author.Locator("#submit-summary").FillAsync("Clarify the wording of the ADR rationale");
        await author.Locator("#submit").ClickAsync();
        // Submitting runs the corpus and the mutation check: minutes on a busy 2-core machine.
        await author.Locator("#review-message, .refusal").First.WaitForAsync(new() { Timeout = 600_000 });
        (await author.Locator(".refusal").AllInnerTextsAsync()).Should().BeEmpty();
        var submission = author.Locator(".submission").First;
        (await submission.Locator(".review-state").GetAttributeAsync("data-status")).Should().Be("Submitted");
        // The page's staleness compares with the working copy's digest (a literal was once passed instead).
        var digests = $"{await submission.Locator("code").First.InnerTextAsync()} vs current {await submission.Locator(".current-digest").GetAttributeAsync("data-digest")}";
        (await submission.Locator(".review-state").GetAttributeAsync("data-stale")).Should().Be("false", "nothing changed since it was submitted: " + digests);
        (await submission.InnerTextAsync()).Should().MatchRegex(@"corpus \d+ passed, 0 failed, 0 errors");
        var id = await submission.GetAttributeAsync("data-id");
        (await submission.Locator(".approve").CountAsync()).Should().Be(0, "nobody approves their own submission");
        (await submission.Locator(".why-not-decide").InnerTextAsync()).Should().Contain("four eyes");
        await SiteFixture.Screenshot(author, "review-submitted");
        await AxeAssert.NoSeriousViolationsAsync(author, "review");
        await author.Context.CloseAsync();

        var reviewer = await site.SignedInPageAsync(SiteFixture.ReviewerName, SiteFixture.ReviewerPassword);
        await reviewer.GotoAsync("/review");
        await SiteFixture.WaitForCircuitAsync(reviewer);
        var mine = reviewer.Locator($".submission[data-id='{id}']");
        await mine.Locator(".review-comment input").FillAsync("Wording only; the corpus is green");
        await mine.Locator(".approve").ClickAsync();
        await mine.Locator(".review-state[data-status=Approved]").WaitForAsync();
        var publish = mine.Locator(".publish");
        var version = Regex.Match(await publish.InnerTextAsync(), @"\d+\.\d+\.\d+").Value;
        version.Should().NotBeEmpty();
        await publish.ClickAsync();
        await reviewer.Locator($".submission[data-id='{id}'] .review-state[data-status=Published], .refusal").First.WaitForAsync(new() { Timeout = 300_000 });
        (await reviewer.Locator(".refusal").AllInnerTextsAsync()).Should().BeEmpty();
        var steps = await mine.Locator("ol.steps li").AllInnerTextsAsync();
        steps.Should().Contain(s => s.Contains("Submitted by ann")).And.Contain(s => s.Contains("Approved by rita")).And.Contain(s => s.Contains("Published by rita"));
        await SiteFixture.Screenshot(reviewer, "review-published");
        await reviewer.Context.CloseAsync();

        var pack = Path.Combine(site.Host.Root, "packs", $"eurocto-calcified-cto-{version}.ctopack.json");
        File.Exists(pack).Should().BeTrue("the pack is published into the host's packs folder");
        var verified = await SiteFixture.RunCliAsync("", "verify", pack, "--public-key", site.SigningPublicKeyPath);
        verified.Should().Contain($"eurocto-calcified-cto {version}").And.Contain("signature verified with trusted key")
            .And.Contain("submitted by ann, approved by rita, published by rita");
        Directory.GetFiles(Path.Combine(SiteHost.RepoRoot, "packs")).Should().BeEquivalentTo(packsBefore, "publishing never writes into the repository");
    }
}
