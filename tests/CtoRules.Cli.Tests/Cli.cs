using System.Diagnostics;

namespace CtoRules.Cli.Tests;

/// <summary>Runs the real, built <c>ctorules</c> binary (copied beside the tests) in a real process.</summary>
public static class Cli
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedContract => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "contract"));

    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result RunIn(string workingDirectory, params string[] args) => RunIn(TimeSpan.FromMinutes(2), workingDirectory, args);

    /// <summary>As <see cref="RunIn(string, string[])"/> for a run known to be long (the mutation check).</summary>
    public static Result RunIn(TimeSpan timeout, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ctorules.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(true); throw new TimeoutException("ctorules did not finish"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => RunIn(RepoRoot, args);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }

    /// <summary>A temporary copy of the repository's rules and references to break on purpose.</summary>
    public static string CopyKnowledgeBase()
    {
        var dir = Directory.CreateTempSubdirectory("ctorules-cli-").FullName;
        Copy(Path.Combine(RepoRoot, "rules"), Path.Combine(dir, "rules"));
        Copy(Path.Combine(RepoRoot, "references"), Path.Combine(dir, "references"));
        return dir;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
