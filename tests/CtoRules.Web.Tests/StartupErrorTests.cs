using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CtoRules.Web.Tests;

/// <summary>A host that cannot start says why in one line and exits non-zero (issue 8, point 7).</summary>
public sealed class StartupErrorTests
{
    private static async Task<(int Exit, string Err)> Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = WebHost.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CtoRules.Web.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await output;
        return (p.ExitCode, await err);
    }

    [Fact]
    public async Task A_bad_rules_path_is_one_line_and_exit_1()
    {
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var (exit, err) = await Start("--rules", "no-such-rules", "--urls", $"http://127.0.0.1:{port}");
        exit.Should().Be(1);
        // One line; the folder is named as resolved (absolute once the working copy resolves it).
        err.Should().MatchRegex(@"^ctorules-web: cannot start: the rule set in \S*no-such-rules cannot be used: \S*no-such-rules: error CTO1001: cannot read the file: no such folder\n$");
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var (exit, err) = await Start("--rules", Path.Combine(WebHost.RepoRoot, "rules"), "--urls", $"http://127.0.0.1:{port}");
        exit.Should().Be(1);
        err.Should().Be($"ctorules-web: cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use. (another process is listening there; give --urls http://127.0.0.1:PORT)\n");
        err.Should().NotContain("   at ");
    }
}
