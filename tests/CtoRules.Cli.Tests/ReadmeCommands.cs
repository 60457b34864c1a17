using System.Text.RegularExpressions;

namespace CtoRules.Cli.Tests;

/// <summary>
/// The commands of README.md, read generically (issue 8, points 13 and 14): every
/// <c>dotnet run --project src/…</c> line inside a code block (with or without a <c>$ </c> prompt,
/// also after <c>&amp;&amp;</c>), its arguments after <c>--</c>, and, for a prompted line in a
/// console block, the output lines the README shows under it.
/// </summary>
public static partial class ReadmeCommands
{
    public sealed record Command(int Line, string Project, string[] Args, string[] ShownOutput)
    {
        public override string ToString() => $"README.md:{Line}: {Project} -- {string.Join(' ', Args)}";
    }

    public static IReadOnlyList<Command> Read(string readmePath)
    {
        var lines = File.ReadAllLines(readmePath);
        var commands = new List<Command>();
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (!inFence) continue;
            var prompted = line.StartsWith("$ ", StringComparison.Ordinal);
            var text = prompted ? line[2..] : line;
            foreach (var segment in StripComment(text).Split("&&"))
            {
                // A line that only uses the command's output (KEY=$(dotnet run …)) is not a command run as written.
                var match = DotnetRun().Match(segment.Trim());
                if (!match.Success) continue;
                var args = match.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                commands.Add(new Command(i + 1, match.Groups["project"].Value, args, prompted ? Shown(lines, i + 1) : []));
            }
        }
        return commands;
    }

    /// <summary>The lines under a prompted command, up to the next prompt or the end of the block.</summary>
    private static string[] Shown(string[] lines, int from)
    {
        var shown = new List<string>();
        for (var i = from; i < lines.Length && !lines[i].StartsWith("$ ", StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            shown.Add(lines[i]);
        return [.. shown];
    }

    // "#" starts a comment only after white space; no argument in the README contains one.
    private static string StripComment(string text)
    {
        var hash = text.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    /// <summary>
    /// Lines of real output that do not match the shown lines; empty when they match. In the shown
    /// text "…" stands for any text and a sha256 digest for any digest (volatile between versions).
    /// </summary>
    public static IReadOnlyList<string> Mismatches(string[] shown, string actual)
    {
        var expected = shown.Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToArray();
        var got = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var problems = new List<string>();
        for (var i = 0; i < Math.Max(expected.Length, got.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : null;
            var g = i < got.Length ? got[i] : null;
            if (e is not null && g is not null && Pattern(e).IsMatch(g)) continue;
            problems.Add($"line {i + 1}: README shows {(e is null ? "nothing" : $"'{e}'")}, the command prints {(g is null ? "nothing" : $"'{g}'")}");
        }
        return problems;
    }

    private static Regex Pattern(string shown)
    {
        var escaped = Regex.Escape(shown).Replace("…", ".*", StringComparison.Ordinal);
        escaped = Digest().Replace(escaped, "sha256:[0-9a-f]{64}");
        return new Regex("^" + escaped + "$");
    }

    // "dotnet run --project src/X [-c C] [-- ARGS]", optionally sent to the background with "&".
    [GeneratedRegex(@"^dotnet run --project (?<project>src/[A-Za-z.]+)(?: -c \w+)?(?: --(?<args>(?: [^&]*)?))?(?: &)?$")]
    private static partial Regex DotnetRun();

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex Digest();
}
