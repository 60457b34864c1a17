using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// Issue 15, item 4 for corpus cases: the real built host is killed with SIGKILL while Chromium saves
/// an edited corpus case, three times (at a random point, as soon as the save journal appears, as
/// soon as the case file is replaced). After each restart: the file is the old text or the whole new
/// one, the revision log has a new row exactly when the file changed and its text is the file's, no
/// journal or temporary file is left, the database is intact and the host is healthy. The first
/// restart also finds temporary files planted as an interrupted write leaves them, and must remove
/// exactly those (logged at Information level by name, never by content).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CorpusCaseCrashTests(SiteFixture site, ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const string Name = "bound-cross-ct-bend";
    private const string Hex = "00112233445566778899aabbccddeeff";

    [Fact]
    public async Task Killing_the_host_during_corpus_case_saves_leaves_each_save_whole_or_absent()
    {
        var root = SiteHost.NewRoot();
        var data = Path.Combine(root, "data");
        const string author = "crash-author", password = "Crash-Author-Password-1";
        await SiteFixture.RunCliAsync(password, "user", "add", author, "--role", "author", "--password-stdin", "--data", data);
        var file = Path.Combine(root, "tests", "corpus", Name + ".yaml");
        var journal = Path.Combine(root, "tests", "corpus", ".ctorules-corpus-save.journal");
        var random = new Random(15);
        var outcomes = new List<string>();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var before = await File.ReadAllTextAsync(file);
                var revisionsBefore = await CrashTools.RevisionCountAsync(root, "corpus:" + Name);
                var host = await SiteHost.StartOnAsync(root);
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
                context.SetDefaultTimeout(60_000);
                var page = await context.NewPageAsync();
                await SiteFixture.SignInAsync(page, author, password);
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
                await page.GotoAsync($"/corpus/case/{Name}/edit");
                await SiteFixture.WaitForCircuitAsync(page);
                var title = $"Bent on CT only, crash round {round}";
                await SiteFixture.Input(page, "case-title").FillAsync(title);
                await SiteFixture.Input(page, "corpus-save-comment").FillAsync($"crash round {round}");
                await page.GetByTestId("corpus-save").ClickAsync();
                await CrashTools.KillDuringSaveAsync(host, context, round, random, journal, file, before);
                var journalLeft = File.Exists(journal);
                (string[] Ours, string Foreign)? planted = round == 0 ? Plant(root) : null;

                var restarted = await SiteHost.StartOnAsync(root);
                await restarted.KillAsync();
                await restarted.DisposeAsync();
                var after = await File.ReadAllTextAsync(file);
                var saved = after != before;
                if (saved) after.Should().Contain(title, "a save is whole").And.EndWith("\n");
                (await CrashTools.RevisionCountAsync(root, "corpus:" + Name)).Should().Be(revisionsBefore + (saved ? 1 : 0), $"round {round}: a revision exactly when the file changed");
                if (saved)
                    (await CrashTools.SqliteAsync(CrashTools.Database(root), $"SELECT TextAfter = CAST(readfile('{file}') AS TEXT) FROM RuleRevisions WHERE RuleId = 'corpus:{Name}' ORDER BY Id DESC LIMIT 1")).Should().Be("1");
                File.Exists(journal).Should().BeFalse("the restart resolved the journal");
                (await CrashTools.SqliteAsync(CrashTools.Database(root), "PRAGMA integrity_check")).Should().Be("ok");
                restarted.Log.Should().NotContain("Exception").And.NotContain("fail:");
                if (planted is { } p)
                {
                    foreach (var leftover in p.Ours)
                    {
                        File.Exists(leftover).Should().BeFalse($"{leftover} is a temporary name our writer makes");
                        restarted.Log.Should().Contain($"Removed {leftover}, the temporary file of a write that was interrupted before its rename");
                    }
                    File.Exists(p.Foreign).Should().BeTrue("a file our writer does not name is never deleted");
                    restarted.Log.Should().NotContain(PlantedContent, "the log names removed files, never their content");
                }
                CrashTools.TempFiles(root).Where(f => !f.EndsWith("notes.tmp", StringComparison.Ordinal)).Should().BeEmpty("no temporary file is left after a restart");
                outcomes.Add($"round {round}: {(saved ? "saved" : "not saved")}{(journalLeft ? " (journal resolved at restart)" : "")}; "
                    + restarted.Log.Split('\n').FirstOrDefault(l => l.Contains("Recovered", StringComparison.Ordinal))?.Trim());
            }
            // Every case still reads, and the edited one passes: no temporary file is read as a case.
            var corpus = await SiteFixture.RunCliAsync("", "test", Path.Combine(root, "tests", "corpus"), "--rules", Path.Combine(root, "rules"));
            output.WriteLine(corpus.Split('\n').LastOrDefault(l => l.Trim().Length > 0));
            output.WriteLine(string.Join('\n', outcomes));
        }
        finally
        {
            CrashTools.TryDelete(root);
        }
    }

    private const string PlantedContent = "PLANTED-CONTENT-never-logged";

    /// <summary>What an atomic write killed before its rename leaves in the rules, corpus and packs folders, and one file it does not.</summary>
    private static (string[] Ours, string Foreign) Plant(string root)
    {
        string[] ours =
        [
            Path.Combine(root, "rules", "crossing", $".crossing.cap.base.md.{Hex}.tmp"),
            Path.Combine(root, "tests", "corpus", $".{Name}.yaml.{Hex}.tmp"),
            Path.Combine(root, "packs", $"eurocto-calcified-cto-9.0.0.ctopack.json.{Hex}.tmp"),
        ];
        foreach (var f in ours) File.WriteAllText(f, PlantedContent);
        var foreign = Path.Combine(root, "tests", "corpus", "notes.tmp");
        File.WriteAllText(foreign, PlantedContent);
        return (ours, foreign);
    }
}
