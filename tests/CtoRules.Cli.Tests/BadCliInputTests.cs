using System.Diagnostics;
using System.Text.Json;

namespace CtoRules.Cli.Tests;

/// <summary>Rows of docs/bad-inputs.md for the command line (issue 8), on the real binary.</summary>
public sealed class BadCliInputTests : IDisposable
{
    private const string Pack = "packs/eurocto-calcified-cto-1.0.0.ctopack.json";
    private const string ValidCase = "schema: ctorules/case@1\nid: cli-bad\nlesion: { calcification: severe, lengthMm: 25, stump: blunt }\nprocedure: { stage: planning }\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("ctorules-badcli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Temp(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_lone_surrogate_in_a_case_is_exit_2_with_the_path_and_no_stack_trace()
    {
        var file = Temp("s.json", "{\"schema\":\"ctorules/case@1\",\"id\":\"\\ud800\",\"procedure\":{\"stage\":\"planning\"}}");
        var r = Cli.Run("evaluate", file);
        r.ExitCode.Should().Be(2);
        r.Err.Should().Be($"{file}: id: invalid \\u escape at line 1, column 34: a UTF-16 surrogate must come in a high-low pair\n");
    }

    [Fact]
    public void A_usage_error_prints_the_error_and_a_hint_not_the_help_and_exits_64()
    {
        var r = Cli.Run("evaluate");
        r.ExitCode.Should().Be(64);
        r.Err.Should().Be("ctorules: Required argument 'files' missing for command: 'evaluate'.\nRun 'ctorules evaluate --help' for usage.\n");
        r.Out.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_not_a_missing_file()
    {
        var r = Cli.Run("evaluate", "--bogus");
        r.ExitCode.Should().Be(64);
        r.Err.Should().Be("ctorules: unknown option '--bogus'\nRun 'ctorules evaluate --help' for usage.\n");
    }

    [Fact]
    public void A_missing_case_file_says_no_such_file()
    {
        var r = Cli.Run("evaluate", "missing");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Be("missing: $: cannot read the file: no such file\n");
    }

    [Fact]
    public async Task Evaluate_dash_reads_the_case_from_standard_input()
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepoRoot, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ctorules.dll"));
        foreach (var a in new[] { "evaluate", "-", "--format", "json" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(ValidCase);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        p.ExitCode.Should().Be(0, await error);
        JsonDocument.Parse(await output).RootElement.GetProperty("caseId").GetString().Should().Be("cli-bad");
    }

    [Fact]
    public void Outside_a_clone_the_cli_says_where_it_searched_and_what_to_give()
    {
        var file = Temp("c.yaml", ValidCase);
        var r = Cli.RunIn(_dir, "evaluate", file);
        r.ExitCode.Should().Be(1);
        r.Err.Should().Be($"ctorules: no rules/ folder with a ruleset.yaml in {_dir} or any folder above it; give --rules FOLDER or --pack FILE\n");
    }

    [Fact]
    public void A_missing_pack_is_not_found()
    {
        var r = Cli.Run("verify", "packs/nope.ctopack.json");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Be("ctorules: pack not found: packs/nope.ctopack.json: not found\n");
    }

    [Fact]
    public void Verify_without_a_key_names_no_signer()
    {
        var r = Cli.Run("verify", Pack);
        r.ExitCode.Should().Be(0);
        r.Out.Should().Contain("  signature present but NOT verified (it names no trusted signer): give --public-key to verify it");
        r.Out.Should().NotContain("sha256:46b6");
    }

    [Fact]
    public void Evaluate_with_an_unverified_pack_is_refused_unless_trust_unsigned()
    {
        var file = Temp("c.yaml", ValidCase);
        var refused = Cli.Run("evaluate", file, "--pack", Pack);
        refused.ExitCode.Should().Be(1);
        refused.Err.Should().Be("ctorules: the pack's signature would not be verified; give --public-key KEY.pub.pem to verify it, or --trust-unsigned to use it anyway\n");
        var trusted = Cli.Run("evaluate", file, "--pack", Pack, "--trust-unsigned");
        trusted.ExitCode.Should().Be(0, trusted.Err);
        var verified = Cli.Run("evaluate", file, "--pack", Pack, "--public-key", "packs/eurocto-calcified-cto.pub.pem");
        verified.ExitCode.Should().Be(0, verified.Err);
    }

    [Fact]
    public void A_private_key_given_as_public_key_is_refused()
    {
        var key = Path.Combine(_dir, "k.pem");
        Cli.Run("keygen", "--out", key).ExitCode.Should().Be(0);
        var r = Cli.Run("verify", Pack, "--public-key", key);
        r.ExitCode.Should().Be(2);
        r.Err.Should().Be("ctorules: cannot use the public key: this is a private key; give the public key (.pub.pem) and keep the private key secret\n");
    }

    [Fact]
    public void A_score_without_published_categories_says_so()
    {
        var r = Cli.Run("evaluate", "samples/cases/tour-prep-extraplaque.yaml");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().MatchRegex(@"\n  CL +5\.5 / 8  no published categories\n");
        r.Out.Should().NotContain("CL               5.5 / 8  category undecided");
    }

    [Fact]
    public void Json_over_several_files_is_one_valid_array_in_input_order()
    {
        var a = Temp("a.yaml", ValidCase.Replace("cli-bad", "a"));
        var b = Temp("b.yaml", ValidCase.Replace("cli-bad", "b"));
        var c = Temp("c.yaml", ValidCase.Replace("cli-bad", "c"));
        var r = Cli.Run("evaluate", a, b, c, "--format", "json");
        r.ExitCode.Should().Be(0, r.Err);
        JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("caseId").GetString()).Should().Equal("a", "b", "c");
    }
}
