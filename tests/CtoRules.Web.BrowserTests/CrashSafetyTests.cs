using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 15, item 4: the real built host (or CLI) is killed with SIGKILL in the middle of writes,
/// a few times at random points; afterwards the database is consistent, the audit chain verifies,
/// each write happened completely or not at all, and the host starts again cleanly. In the site's
/// collection so that it does not compete with the browser tests for the CPU; each test runs its own hosts.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class CrashSafetyTests(SiteFixture site, ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const string RuleId = "crossing.cap.base";
    private static readonly Dictionary<string, string> Unlimited = new() { ["Api__RateLimit__PermitLimit"] = "1000000" };

    [Fact]
    public async Task Killing_the_host_during_audited_evaluations_loses_no_acknowledged_record_and_the_chain_verifies()
    {
        var root = SiteHost.NewRoot();
        var data = Path.Combine(root, "data");
        var created = await SiteFixture.RunCliAsync("", "apikey", "create", "--name", "crash", "--scope", "evaluate", "--data", data);
        var key = ApiKey().Match(created).Value;
        var acknowledged = new ConcurrentBag<long>();
        var random = new Random(15);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var host = await SiteHost.StartOnAsync(root, Unlimited);
                using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
                var before = acknowledged.Count;
                using var stop = new CancellationTokenSource();
                var sent = 0;
                var current = round;
                var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            using var body = new StringContent(CaseJson($"crash-{current}-{w}-{Interlocked.Increment(ref sent)}"), Encoding.UTF8, "application/json");
                            using var r = await client.PostAsync("/api/v1/evaluate", body, stop.Token);
                            r.StatusCode.Should().Be(HttpStatusCode.OK, "the host answers until it is killed");
                            acknowledged.Add(long.Parse(r.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture));
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            // The kill cuts the connections: that request may or may not have been recorded.
                        }
                    }
                })).ToArray();
                // Kill while appends are flowing, at a random point after the first few.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (acknowledged.Count < before + 10 && DateTime.UtcNow < deadline) await Task.Delay(20);
                await Task.Delay(random.Next(0, 400));
                await host.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                await host.DisposeAsync();
                (acknowledged.Count - before).Should().BeGreaterThanOrEqualTo(10, $"round {round} appended records before the kill:\n{host.Log}");
                (await CrashTools.SqliteAsync(CrashTools.Database(root), "PRAGMA integrity_check")).Should().Be("ok", $"after kill {round + 1}");
                output.WriteLine($"round {round}: killed after {acknowledged.Count - before} acknowledged appends, {sent} sent");
            }

            var verify = await SiteFixture.RunCliAsync("", "audit", "verify", "--data", data);
            output.WriteLine(verify);
            var stored = (await CrashTools.SqliteAsync(CrashTools.Database(root), "SELECT Id FROM AuditRecords")).Split('\n').Select(long.Parse).ToHashSet();
            acknowledged.Where(id => !stored.Contains(id)).Should().BeEmpty("every record the host acknowledged survives the kill");

            // The host starts again and appends after the records of the killed hosts.
            await using (var again = await SiteHost.StartOnAsync(root, Unlimited))
            {
                using var client = new HttpClient { BaseAddress = new Uri(again.BaseUrl) };
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
                using var r = await client.PostAsync("/api/v1/evaluate", new StringContent(CaseJson("crash-after"), Encoding.UTF8, "application/json"));
                r.StatusCode.Should().Be(HttpStatusCode.OK, again.Log);
                long.Parse(r.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(stored.Max());
                await again.KillAsync();
                again.Log.Should().NotContain("Exception").And.NotContain("fail:");
            }
            await SiteFixture.RunCliAsync("", "audit", "verify", "--data", data);
            output.WriteLine($"{acknowledged.Count} acknowledged, {stored.Count} stored after {Rounds} kills; left-over temporary files: {CrashTools.TempFiles(root).Count}");
        }
        finally
        {
            CrashTools.TryDelete(root);
        }
    }

    [Fact]
    public async Task Killing_the_host_during_rule_saves_leaves_each_save_whole_or_absent()
    {
        var root = SiteHost.NewRoot();
        var data = Path.Combine(root, "data");
        const string author = "crash-author", password = "Crash-Author-Password-1";
        await SiteFixture.RunCliAsync(password, "user", "add", author, "--role", "author", "--password-stdin", "--data", data);
        var file = Path.Combine(root, "rules", "crossing", RuleId + ".md");
        var random = new Random(15);
        var outcomes = new List<string>();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var before = await File.ReadAllTextAsync(file);
                var revisionsBefore = await CrashTools.RevisionCountAsync(root);
                var host = await SiteHost.StartOnAsync(root);
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
                context.SetDefaultTimeout(60_000);
                var page = await context.NewPageAsync();
                await SiteFixture.SignInAsync(page, author, password);
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
                await page.GotoAsync($"/rules/{RuleId}/edit");
                await SiteFixture.WaitForCircuitAsync(page);
                await page.Locator("#condition-editor .view-lines").WaitForAsync();
                var title = $"Cap base, crash round {round}";
                await SiteFixture.Input(page, "title").FillAsync(title);
                await SiteFixture.Input(page, "save-comment").FillAsync($"crash round {round}");
                await page.GetByTestId("save").ClickAsync();
                // Round 0 kills at a random point after the click; the others as soon as the save has
                // begun its write (the journal appears) or has replaced the rule file: the middle of the write.
                var journal = Path.Combine(root, ".ctorules-save-journal.json");
                await CrashTools.KillDuringSaveAsync(host, context, round, random, journal, file, before);
                var journalLeft = File.Exists(Path.Combine(root, ".ctorules-save-journal.json"));

                // The next start finishes or drops an interrupted save.
                var restarted = await SiteHost.StartOnAsync(root);
                await restarted.KillAsync();
                await restarted.DisposeAsync();
                var after = await File.ReadAllTextAsync(file);
                var saved = after != before;
                if (saved) after.Should().Contain(title, "a save is whole");
                var revisions = await CrashTools.RevisionCountAsync(root);
                revisions.Should().Be(revisionsBefore + (saved ? 1 : 0), $"round {round}: a revision exactly when the file changed");
                if (saved) (await CrashTools.SqliteAsync(CrashTools.Database(root), $"SELECT TextAfter = CAST(readfile('{file}') AS TEXT) FROM RuleRevisions ORDER BY Id DESC LIMIT 1")).Should().Be("1");
                File.Exists(Path.Combine(root, ".ctorules-save-journal.json")).Should().BeFalse("the restart resolved the journal");
                (await CrashTools.SqliteAsync(CrashTools.Database(root), "PRAGMA integrity_check")).Should().Be("ok");
                outcomes.Add($"round {round}: {(saved ? "saved" : "not saved")}{(journalLeft ? " (journal resolved at restart)" : "")}; {restarted.Log.Split('\n').FirstOrDefault(l => l.Contains("Recovered", StringComparison.Ordinal))?.Trim()}");
            }
            // No temporary file is read as a rule: the working copy validates.
            await SiteFixture.RunCliAsync("", "validate", Path.Combine(root, "rules"));
            output.WriteLine(string.Join('\n', outcomes));
            output.WriteLine($"left-over temporary files (ignored by every reader): {string.Join(", ", CrashTools.TempFiles(root))}");
        }
        finally
        {
            CrashTools.TryDelete(root);
        }
    }

    [Fact]
    public async Task Killing_a_publish_leaves_no_pack_or_a_whole_one_and_the_host_serves_only_whole_packs()
    {
        var root = SiteHost.NewRoot();
        var key = Path.Combine(root, "publisher.pem");
        await SiteFixture.RunCliAsync("", "keygen", "--out", key);
        // The host trusts the public keys in its packs folder.
        File.Copy(Path.ChangeExtension(key, ".pub.pem"), Path.Combine(root, "packs", "crash-publisher.pub.pem"));
        var manifest = Path.Combine(root, "rules", "ruleset.yaml");
        var text = await File.ReadAllTextAsync(manifest);
        await File.WriteAllTextAsync(manifest, text.Replace("version: 2.0.0\ntitle", "version: 2.0.1\ntitle")
            .Replace("changelog:\n", "changelog:\n  - version: 2.0.1\n    date: 2026-12-05\n    changes:\n      - \"Published by the crash test.\"\n"));
        var target = Path.Combine(root, "packs", "eurocto-calcified-cto-2.0.1.ctopack.json");
        var random = new Random(15);
        string[] publish = ["publish", "--key", key, "--rules", Path.Combine(root, "rules"), "--packs", Path.Combine(root, "packs"), "--corpus", Path.Combine(root, "tests", "corpus")];
        try
        {
            for (var round = 0; round < Rounds && !File.Exists(target); round++)
            {
                var tempsBefore = Directory.GetFiles(Path.Combine(root, "packs"), "*.tmp").Length;
                using var cli = CrashTools.StartCli(publish);
                // The first rounds as soon as the pack's temporary file appears (mid-write), the last at a random point.
                var atRandom = round == Rounds - 1;
                var until = DateTime.UtcNow.AddMilliseconds(atRandom ? random.Next(500, 6000) : 120_000);
                while (DateTime.UtcNow < until && !cli.HasExited && (atRandom || Directory.GetFiles(Path.Combine(root, "packs"), "*.tmp").Length == tempsBefore)) await Task.Delay(1);
                if (!cli.HasExited) cli.Kill();
                await cli.WaitForExitAsync();
                output.WriteLine($"round {round}: {(File.Exists(target) ? "published before the kill" : "killed before the pack was renamed into place")}; temporary files: {string.Join(", ", CrashTools.TempFiles(root))}");
                if (File.Exists(target)) await SiteFixture.RunCliAsync("", "verify", target, "--public-key", Path.ChangeExtension(key, ".pub.pem"));
            }
            if (!File.Exists(target)) await SiteFixture.RunCliAsync("", publish);
            await SiteFixture.RunCliAsync("", "verify", target, "--public-key", Path.ChangeExtension(key, ".pub.pem"));
            Directory.GetFiles(Path.Combine(root, "packs"), "*.ctopack.json").Should().HaveCount(3, "1.0.0, 2.0.0 and the one new pack");

            // The host starts on the packs folder and offers exactly the whole packs.
            await using var host = await SiteHost.StartOnAsync(root);
            var created = await SiteFixture.RunCliAsync("", "apikey", "create", "--name", "reader", "--scope", "read", "--data", host.DataDirectory);
            using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey().Match(created).Value);
            var packs = await client.GetStringAsync("/api/v1/packs");
            packs.Should().Contain("2.0.1").And.Contain("2.0.0").And.Contain("1.0.0");
            output.WriteLine($"left-over temporary files (ignored by every reader): {string.Join(", ", CrashTools.TempFiles(root))}");
        }
        finally
        {
            CrashTools.TryDelete(root);
        }
    }

    private static string CaseJson(string id) => $$$"""
        {"schema":"ctorules/case@1","id":"{{{id}}}","lesion":{"vessel":"RCA","calcification":"severe","lengthMm":30,"stump":"blunt","bendOver45":false,"previousFailedAttempt":false},"ivus":{"calciumDistribution":"eccentric","calciumDepth":"superficial","calciumArcDeg":200},"procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"extraplaque","deviceCrossing":"crossed","balloonExpansion":"incomplete"}}
        """;

    [GeneratedRegex("ctok_[A-Za-z0-9_-]+")]
    private static partial Regex ApiKey();
}
