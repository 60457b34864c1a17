using System.Diagnostics;

namespace CtoRules.Cli.Tests;

/// <summary>
/// Progress of long runs goes to standard error only when it is a terminal (issue 8, point 20): a
/// real pseudo-terminal (util-linux <c>script</c>) sees it, redirected output never does.
/// </summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task A_corpus_run_on_a_terminal_shows_progress()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ctorules.dll");
        var psi = new ProcessStartInfo("script")
        {
            WorkingDirectory = Cli.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // script gives the command a terminal for its standard streams and copies what it writes to ours.
        foreach (var a in new[] { "-qec", $"dotnet '{dll}' test tests/corpus", "/dev/null" }) psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "xterm";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = await p.StandardOutput.ReadToEndAsync(timeout.Token);
        await p.WaitForExitAsync(timeout.Token);
        p.ExitCode.Should().Be(0, output);
        output.Should().Contain("Running the corpus").And.Contain("corpus: ");
    }

    [Fact]
    public void Redirected_output_never_has_progress()
    {
        var result = Cli.Run("test", "tests/corpus");
        result.ExitCode.Should().Be(0, result.Err);
        result.Err.Should().NotContain("Running the corpus").And.NotContain("\u001b");
        result.Out.Should().NotContain("Running the corpus").And.NotContain("\u001b");
    }
}
