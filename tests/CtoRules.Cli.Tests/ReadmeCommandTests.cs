using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CtoRules.Cli.Tests;

/// <summary>
/// Every command of README.md runs as written (issue 8, point 13) on the built binary from the
/// repository root, and where the README shows output, the output is current (point 14). The
/// commands are read from the README, not copied here, so a rewritten README is tested as it is.
/// </summary>
public sealed class ReadmeCommandTests
{
    private static readonly IReadOnlyList<ReadmeCommands.Command> Commands =
        ReadmeCommands.Read(Path.Combine(Cli.RepoRoot, "README.md"));

    public static TheoryData<int> CliCommands()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Commands.Count; i++)
            if (Commands[i].Project == "src/CtoRules.Cli") data.Add(i);
        return data;
    }

    [Fact]
    public void The_readme_has_cli_and_host_commands_to_test()
    {
        Commands.Should().Contain(c => c.Project == "src/CtoRules.Cli" && c.ShownOutput.Length > 0);
        Commands.Should().Contain(c => c.Project == "src/CtoRules.Web");
    }

    [Theory]
    [MemberData(nameof(CliCommands))]
    public void A_readme_cli_command_works_as_written(int index)
    {
        var command = Commands[index];
        var args = command.Args.Select(a => a == "CASE" ? "samples/cases/tour-prep-extraplaque.yaml" : a).ToArray();
        switch (args[0])
        {
            case "publish":
                // Publishing needs the maintainers' private key, which no clone holds (docs/packs.md):
                // run in a copy of the knowledge base so nothing is written to the repository, and
                // require that it fails for exactly that reason, naming the key file.
                var copy = Cli.CopyKnowledgeBase();
                var publish = Cli.RunIn(copy, args);
                publish.ExitCode.Should().NotBe(0, command.ToString());
                publish.Err.Should().Contain(Path.GetFileName(args[Array.IndexOf(args, "--key") + 1]), command.ToString());
                publish.Err.Should().NotContain("   at ", "no stack trace reaches a user");
                return;
            case "bench":
                // The benchmark tool is built by the first half of the README's line; it is either
                // there (and reports JSON) or the command says how to build it.
                var bench = Cli.RunIn(TimeSpan.FromMinutes(10), Cli.RepoRoot, args);
                if (bench.ExitCode != 0) bench.Err.Should().Contain("dotnet build tools/CtoRules.Benchmarks -c Release", command.ToString());
                else bench.Out.TrimStart().Should().StartWith("{", command.ToString());
                return;
            case "audit":
                // The audit commands read the site's database. The README runs them after the lines
                // above them (an API key, the host, a curl evaluation) have made record 1; run alone,
                // on a fresh data folder (never the repository's data/), verify must pass on the empty
                // trail and replay must fail only because record 1 does not exist yet.
                var data = Directory.CreateTempSubdirectory("ctorules-readme-audit-").FullName;
                var audit = Cli.Run([.. args, "--data", data]);
                audit.Err.Should().NotContain("   at ", "no stack trace reaches a user");
                if (args[1] == "replay") audit.Err.Should().Contain($"no audit record {args[2]}", command.ToString());
                else audit.ExitCode.Should().Be(0, $"{command}\n{audit.Out}{audit.Err}");
                return;
        }

        var result = InvalidCaseExample(args, out var dir) ? Cli.RunIn(dir!, args)
            // The mutation check compiles the rule set once per mutant: minutes on a busy machine.
            : args.Contains("--mutations") ? Cli.RunIn(TimeSpan.FromMinutes(20), Cli.RepoRoot, args)
            : Cli.Run(args);
        if (dir is null) result.ExitCode.Should().Be(0, $"{command}\n{result.Err}");
        else result.ExitCode.Should().Be(2, $"{command}: an invalid case exits 2\n{result.Err}");
        if (command.ShownOutput.Length > 0)
            ReadmeCommands.Mismatches(command.ShownOutput, result.Out + result.Err)
                .Should().BeEmpty($"the README's output of {command} must be current");
    }

    /// <summary>
    /// The README's "bad.yaml" stands for a case the reader wrote with a length above 300 mm: make
    /// it (the tour case with lengthMm 400) in a copy of the knowledge base.
    /// </summary>
    private static bool InvalidCaseExample(string[] args, out string? dir)
    {
        dir = null;
        if (args is not ["evaluate", "bad.yaml", ..]) return false;
        dir = Cli.CopyKnowledgeBase();
        var tour = File.ReadAllText(Path.Combine(Cli.RepoRoot, "samples", "cases", "tour-prep-extraplaque.yaml"));
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), tour.Replace("lengthMm: 30", "lengthMm: 400", StringComparison.Ordinal));
        return true;
    }

    public static TheoryData<int> HostCommands()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Commands.Count; i++)
            if (Commands[i].Project == "src/CtoRules.Web") data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostCommands))]
    public async Task The_readme_host_command_starts_a_host_that_answers_health(int index)
    {
        var host = Commands[index];
        // The built host, as `dotnet run` would start it, from the repository root, with the
        // README's arguments; only the port (a free one) and the data folder (temporary) change.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Cli.RepoRoot, "src", "CtoRules.Web", "bin", configuration, "net10.0", "CtoRules.Web.dll");
        File.Exists(dll).Should().BeTrue($"the host is built with the tests ({dll})");
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("ctorules-readme-host-").FullName;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        var args = host.Args.ToList();
        var urls = args.IndexOf("--urls");
        if (urls >= 0) args.RemoveRange(urls, 2);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "--urls", $"http://127.0.0.1:{port}", "--data", data }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var status = await Health(process, client);
            status.Should().Be(HttpStatusCode.OK, $"{host}\n{log}");
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(10_000); }
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<HttpStatusCode?> Health(Process process, HttpClient client)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(250))
        {
            try
            {
                using var response = await client.GetAsync("/health");
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
            }
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
