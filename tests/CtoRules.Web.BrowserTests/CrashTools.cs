using System.Diagnostics;

namespace CtoRules.Web.BrowserTests;

/// <summary>What the crash tests look at after a kill: the SQLite file through Debian's sqlite3, left-over temporary files.</summary>
public static class CrashTools
{
    public static string Database(string root) => Path.Combine(root, "data", "ctorules.db");

    /// <summary>Runs one statement with the real sqlite3 (installed by .ci/run) and returns its output, trimmed.</summary>
    public static async Task<string> SqliteAsync(string database, string sql)
    {
        var psi = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(database);
        psi.ArgumentList.Add(sql);
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"sqlite3 {sql}: {output}");
        return output.Trim();
    }

    /// <summary>Temporary files an interrupted atomic write left (never read: readers take *.md, *.ctopack.json, the database).</summary>
    public static IReadOnlyList<string> TempFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))];

    /// <summary>The number of revisions (of one rule, or <c>corpus:NAME</c>, when given) in the site's database; 0 before the database exists.</summary>
    public static async Task<int> RevisionCountAsync(string root, string? ruleId = null) =>
        File.Exists(Database(root)) && (await SqliteAsync(Database(root), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'RuleRevisions'")) == "1"
            ? int.Parse(await SqliteAsync(Database(root), "SELECT COUNT(*) FROM RuleRevisions" + (ruleId is null ? "" : $" WHERE RuleId = '{ruleId}'")), System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    public static void TryDelete(string root)
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Kills the host in the middle of a journaled save just clicked: round 0 at a random point
    /// 0–3 s after the click, round 1 as soon as the save journal appears, later rounds as soon as
    /// the file no longer holds <paramref name="before"/>. Closes the browser context and disposes
    /// the killed host (its folder is kept for the restart).
    /// </summary>
    public static async Task KillDuringSaveAsync(SiteHost host, Microsoft.Playwright.IBrowserContext context, int round, Random random, string journal, string file, string before)
    {
        Func<bool> started = round switch
        {
            0 => () => false,
            1 => () => File.Exists(journal),
            _ => () => File.ReadAllText(file) != before,
        };
        var until = DateTime.UtcNow.AddMilliseconds(round == 0 ? random.Next(0, 3000) : 30_000);
        while (!started() && DateTime.UtcNow < until) await Task.Delay(1);
        await host.KillAsync();
        await context.CloseAsync();
        await host.DisposeAsync();
    }

    /// <summary>Starts the real CLI without waiting for it (to kill it mid-way).</summary>
    public static Process StartCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(SiteHost.BuildOutput("CtoRules.Cli", "ctorules.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
