using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 15, item 4 for the review page's publish: a reviewer clicks Publish in Chromium and the real
/// host is killed with SIGKILL, once while the pack's temporary file is written and not yet renamed,
/// once after the pack is in place and before the submission is marked published (the host pauses
/// there through <c>Review:TestPause…Ms</c>, so the kill lands exactly in that window). After each
/// restart: either there is no pack, the manifest is as before and the same submission can be
/// published again, or the pack verifies with the publisher's key and the submission says published.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SitePublishCrashTests(SiteFixture site, ITestOutputHelper output)
{
    private const string Reviewer = "crash-reviewer", Password = "Crash-Reviewer-Password-1";
    private const string Version = "2.0.1";

    [Fact]
    public async Task Killing_the_host_during_a_publish_from_the_review_page_leaves_no_pack_or_a_published_one()
    {
        var root = SiteHost.NewRoot();
        var data = Path.Combine(root, "data");
        var key = Path.Combine(Directory.CreateTempSubdirectory("ctorules-crash-key-").FullName, "publisher.pem");
        await SiteFixture.RunCliAsync("", "keygen", "--out", key);
        await SiteFixture.RunCliAsync(Password, "user", "add", Reviewer, "--role", "reviewer", "--password-stdin", "--data", data);
        var manifest = Path.Combine(root, "rules", "ruleset.yaml");
        var original = await File.ReadAllTextAsync(manifest);
        var pack = Path.Combine(root, "packs", $"eurocto-calcified-cto-{Version}.ctopack.json");
        var journal = Path.Combine(root, "packs", ".ctorules-publish.journal");
        var signing = new Dictionary<string, string> { ["Review__SigningKeyPath"] = key };
        try
        {
            // 1. Killed while the pack's temporary file is written, before its rename.
            var host = await SiteHost.StartOnAsync(root, With(signing, "Review__TestPauseBeforePackRenameMs"));
            var id = await InsertApprovedSubmissionAsync(host);
            await PublishAndKillAsync(host, id, () => Directory.EnumerateFiles(Path.Combine(root, "packs"), "*.ctopack.json.*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Any());
            File.Exists(journal).Should().BeTrue("the kill interrupted the publish");
            (await File.ReadAllTextAsync(manifest)).Should().NotBe(original, "the manifest was stamped before the pack was written");

            var restarted = await RestartAsync(root, signing);
            File.Exists(pack).Should().BeFalse();
            CrashTools.TempFiles(root).Should().BeEmpty("the restart removed the pack's temporary file");
            (await File.ReadAllTextAsync(manifest)).Should().Be(original, "the restart put the manifest back");
            (await StatusAsync(root, id)).Should().Be("Approved|");
            restarted.Should().Contain($"an interrupted publish of submission {id} ({Version}) by {Reviewer}").And.Contain("no pack was written; the manifest is as before; the submission stays approved and can be published again");
            output.WriteLine("kill before the rename: " + Recovered(restarted));

            // 2. The same submission is published again, and killed after the pack is in place.
            host = await SiteHost.StartOnAsync(root, With(signing, "Review__TestPauseAfterPackWrittenMs"));
            await PublishAndKillAsync(host, id, () => File.Exists(pack));
            (await StatusAsync(root, id)).Should().Be("Approved|", "killed between the pack and the submission: the defect's window");

            restarted = await RestartAsync(root, signing);
            (await StatusAsync(root, id)).Should().Be($"Published|{Path.GetFileName(pack)}");
            (await CrashTools.SqliteAsync(CrashTools.Database(root), $"SELECT UserName || ': ' || Comment FROM ReviewSteps WHERE SubmissionId = {id} AND Kind = 'Published'"))
                .Should().StartWith($"{Reviewer}: {Path.GetFileName(pack)} (sha256:").And.EndWith("(recorded at the next start after an interrupted publish)");
            restarted.Should().Contain("was written and verifies; the submission is now marked published");
            var verified = await SiteFixture.RunCliAsync("", "verify", pack, "--public-key", Path.ChangeExtension(key, ".pub.pem"));
            verified.Should().Contain("signature verified with trusted key").And.Contain($"approved by crash-approver, published by {Reviewer}");
            File.Exists(journal).Should().BeFalse();
            CrashTools.TempFiles(root).Should().BeEmpty();
            (await CrashTools.SqliteAsync(CrashTools.Database(root), "PRAGMA integrity_check")).Should().Be("ok");
            output.WriteLine("kill after the pack, before the submission: " + Recovered(restarted));
            output.WriteLine(verified);
        }
        finally
        {
            CrashTools.TryDelete(root);
            CrashTools.TryDelete(Path.GetDirectoryName(key)!);
        }
    }

    private static Dictionary<string, string> With(Dictionary<string, string> signing, string pause) =>
        new(signing) { [pause] = "600000" };

    /// <summary>
    /// The submission a reviewer would have approved: frozen with the working copy's digest as the
    /// review page shows it (submitting through the page runs the mutation check, minutes here).
    /// </summary>
    private async Task<int> InsertApprovedSubmissionAsync(SiteHost host)
    {
        const string at = "2026-12-06 00:00:00+00:00";
        var db = CrashTools.Database(host.Root);
        await CrashTools.SqliteAsync(db, "INSERT INTO ReviewSubmissions (RuleSetId, Summary, Digest, SubmittedBy, SubmittedAt, Status, BaseVersion, SuggestedVersion, SuggestedBump, "
            + "DiffMarkdown, CorpusPassed, CorpusFailed, CorpusErrors, Errors, Warnings, Diagnostics) VALUES ('eurocto-calcified-cto', 'Crash test release', "
            + $"'to be read', 'crash-author', '{at}', 'Submitted', '2.0.0', '{Version}', 'patch', '', 1, 0, 0, 0, 0, '')");
        var id = int.Parse(await CrashTools.SqliteAsync(db, "SELECT MAX(Id) FROM ReviewSubmissions"), System.Globalization.CultureInfo.InvariantCulture);
        // The page shows the working copy's current digest beside each submission.
        var page = await SignedInReviewPageAsync(host);
        var digest = await page.Locator($".submission[data-id='{id}'] .current-digest").GetAttributeAsync("data-digest");
        digest.Should().StartWith("sha256:");
        await page.Context.CloseAsync();
        await CrashTools.SqliteAsync(db, $"UPDATE ReviewSubmissions SET Digest = '{digest}', Status = 'Approved' WHERE Id = {id}");
        await CrashTools.SqliteAsync(db, $"INSERT INTO ReviewSteps (SubmissionId, Kind, UserName, Comment, At) VALUES ({id}, 'Submitted', 'crash-author', 'Crash test release', '{at}'), "
            + $"({id}, 'Approved', 'crash-approver', 'ok', '{at}')");
        return id;
    }

    private async Task PublishAndKillAsync(SiteHost host, int id, Func<bool> reached)
    {
        var page = await SignedInReviewPageAsync(host);
        await page.Locator($".submission[data-id='{id}'] .publish").ClickAsync();
        // Publishing validates, runs the corpus and signs first: minutes on a busy machine.
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!reached() && DateTime.UtcNow < until) await Task.Delay(20);
        reached().Should().BeTrue($"the publish reached the pause:\n{host.Log}");
        await host.KillAsync();
        await page.Context.CloseAsync();
        await host.DisposeAsync();
    }

    private async Task<IPage> SignedInReviewPageAsync(SiteHost host)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await SiteFixture.SignInAsync(page, Reviewer, Password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/review");
        await SiteFixture.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Starts the host again without pauses, waits until it is healthy, stops it; returns its log.</summary>
    private static async Task<string> RestartAsync(string root, Dictionary<string, string> signing)
    {
        var restarted = await SiteHost.StartOnAsync(root, signing);
        await restarted.KillAsync();
        await restarted.DisposeAsync();
        restarted.Log.Should().NotContain("Exception").And.NotContain("fail:");
        return restarted.Log;
    }

    private static async Task<string> StatusAsync(string root, int id) =>
        await CrashTools.SqliteAsync(CrashTools.Database(root), $"SELECT Status || '|' || IFNULL(PackPath, '') FROM ReviewSubmissions WHERE Id = {id}");

    private static string? Recovered(string log) => log.Split('\n').FirstOrDefault(l => l.Contains("Recovered", StringComparison.Ordinal))?.Trim();
}
