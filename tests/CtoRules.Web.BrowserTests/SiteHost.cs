using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CtoRules.Web.BrowserTests;

/// <summary>
/// The real, built CtoRules.Web started as a child process on a free loopback port, with a
/// temporary copy of the repository's rules, references, packs and corpus as its working copy and
/// a temporary data folder; reads the one-time admin password it prints.
/// </summary>
public sealed partial class SiteHost : IAsyncDisposable
{
    private readonly Process _process;
    private bool _keepRoot;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<string> _password = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteHost(string root, int port, IReadOnlyDictionary<string, string> environment)
    {
        Root = root;
        BaseUrl = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(BuildOutput("CtoRules.Web", "CtoRules.Web.dll"));
        foreach (var (k, v) in new[] { ("--urls", BaseUrl), ("--rules", Path.Combine(root, "rules")), ("--packs", Path.Combine(root, "packs")), ("--data", DataDirectory) })
        {
            psi.ArgumentList.Add(k);
            psi.ArgumentList.Add(v);
        }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Root { get; }

    public string BaseUrl { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string Log { get { lock (_log) return _log.ToString(); } }

    public Task<string> AdminPassword => _password.Task;

    public int ProcessId => _process.Id;

    /// <param name="prepare">Given the temporary root once the working copy is in it, returns the host's extra environment (its configuration).</param>
    public static async Task<SiteHost> StartAsync(Func<string, Task<IReadOnlyDictionary<string, string>>>? prepare = null)
    {
        var root = NewRoot();
        var environment = prepare is null ? new Dictionary<string, string>() : await prepare(root);
        return await StartOnAsync(root, environment);
    }

    /// <summary>A temporary root with a copy of the repository's rules, references, corpus and packs.</summary>
    public static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "ctorules-site-" + Guid.NewGuid().ToString("N"));
        ResetWorkingCopy(root);
        CopyFolder(Path.Combine(RepoRoot, "packs"), Path.Combine(root, "packs"));
        return root;
    }

    /// <summary>Starts a host on <paramref name="root"/> as it is: a new copy, or what a previous (killed) host left (a restart).</summary>
    public static async Task<SiteHost> StartOnAsync(string root, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = new SiteHost(root, FreePort(), environment ?? new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (host._process.HasExited) throw new InvalidOperationException($"the host exited with {host._process.ExitCode}:\n{host.Log}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the host did not answer /health within 90 s:\n{host.Log}");
    }

    /// <summary>
    /// Puts the repository's rules, references and corpus in a root again, dropping what earlier
    /// tests saved there; the packs folder (published packs, keys) is left as it is. The running
    /// host's evaluation snapshot reloads at its next save; review and publish read the folders.
    /// </summary>
    public static void ResetWorkingCopy(string root)
    {
        foreach (var folder in new[] { "rules", "references", Path.Combine("tests", "corpus") })
        {
            var target = Path.Combine(root, folder);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            CopyFolder(Path.Combine(RepoRoot, folder), target);
        }
    }

    /// <summary>The output of a project built beside this test project (same configuration).</summary>
    public static string BuildOutput(string project, string file)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var config = tfm.Parent!.Name;
        return Path.Combine(RepoRoot, "src", project, "bin", config, tfm.Name, file);
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Kills the host with SIGKILL (as <c>kill -9</c>: no shutdown code runs) and keeps its folder for a restart.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _keepRoot = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_keepRoot) return;
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        var match = PasswordLine().Match(line);
        if (match.Success) _password.TrySetResult(match.Groups[1].Value);
    }

    [GeneratedRegex("one-time password: (\\S+)")]
    private static partial Regex PasswordLine();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("no repository root (rules/ruleset.yaml) above " + AppContext.BaseDirectory);
    }
}
