using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CtoRules.Web.Tests;

/// <summary>
/// The real, built CtoRules.Web host started in a child process on a free loopback port, once for
/// all tests of the collection; stopped (by its own process id) when they are done.
/// </summary>
public sealed class WebHost : IAsyncLifetime
{
    private Process? _process;
    private readonly System.Text.StringBuilder _log = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ctorules-webtests-" + Guid.NewGuid().ToString("N"));

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's data folder (its SQLite database is <c>ctorules.db</c> there).</summary>
    public string DataDirectory => _data;

    /// <summary>The CDS client the host trusts (its JWKS is passed in the host's configuration).</summary>
    public CdsTestClient CdsClient { get; } = new();

    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CtoRules.Web.dll"));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.ArgumentList.Add("--rules");
        psi.ArgumentList.Add(Path.Combine(RepoRoot, "rules"));
        // The site's database and keys go to a temporary folder, never the repository's data/.
        psi.ArgumentList.Add("--data");
        psi.ArgumentList.Add(_data);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // One trusted CDS Hooks client whose key pair the tests hold (CdsHooksApiTests).
        psi.Environment["CdsHooks__Clients__0__Issuer"] = CdsTestClient.Issuer;
        psi.Environment["CdsHooks__Clients__0__Jwks"] = CdsClient.Jwks();
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{_log}");
            try
            {
                using var health = await Client.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the host did not answer /health within 60 s:\n{_log}");
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }
}

[CollectionDefinition(nameof(WebHostCollection))]
public sealed class WebHostCollection : ICollectionFixture<WebHost>;
