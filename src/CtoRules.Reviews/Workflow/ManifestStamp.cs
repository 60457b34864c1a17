using System.Text.RegularExpressions;

namespace CtoRules.Reviews.Workflow;

/// <summary>
/// Writes the version being published and its changelog entry into <c>rules/ruleset.yaml</c>, as
/// an author would by hand before <c>ctorules publish</c>: the version line, and a new entry at the
/// top of the changelog (or, when the version already has one, one more line in it).
/// Text edits keep the author's comments and layout.
/// </summary>
public static partial class ManifestStamp
{
    /// <summary>The stamped text, or null with a reason when the manifest's layout is not one this understands.</summary>
    public static (string? Text, string? Problem) Apply(string manifest, string version, string date, IReadOnlyList<string> changes)
    {
        var text = manifest.Replace("\r\n", "\n");
        if (!VersionLine().IsMatch(text)) return (null, "rules/ruleset.yaml has no top-level 'version:' line");
        text = VersionLine().Replace(text, $"version: {version}", 1);

        var entry = new Regex($@"^  - version: ""?{Regex.Escape(version)}""?[ \t]*\n", RegexOptions.Multiline).Match(text);
        if (!entry.Success)
        {
            var changelog = ChangelogLine().Match(text);
            if (!changelog.Success) return (null, "rules/ruleset.yaml has no 'changelog:' list");
            var block = $"  - version: {version}\n    date: {date}\n    changes:\n" + string.Concat(changes.Select(c => $"      - {Quote(c)}\n"));
            return (text.Insert(changelog.Index + changelog.Length, block), null);
        }
        // The version has an entry already (a first release prepared by hand): add the lines to it.
        var rest = text[(entry.Index + entry.Length)..];
        var end = NextEntry().Match(rest) is { Success: true } next ? next.Index : rest.Length;
        var body = rest[..end];
        var inline = InlineChanges().Match(body);
        if (inline.Success)
        {
            var items = inline.Groups["items"].Value.Trim();
            var joined = (items.Length == 0 ? "" : items + ", ") + string.Join(", ", changes.Select(Quote));
            body = body[..inline.Index] + $"    changes: [{joined}]" + body[(inline.Index + inline.Length)..];
        }
        else if (BlockChanges().Match(body) is { Success: true } block)
            body = body[..(block.Index + block.Length)] + string.Concat(changes.Select(c => $"      - {Quote(c)}\n")) + body[(block.Index + block.Length)..];
        else return (null, $"the changelog entry for {version} has no 'changes:' list");
        return (text[..(entry.Index + entry.Length)] + body + rest[end..], null);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", " ") + "\"";

    [GeneratedRegex(@"^version:.*$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^changelog:[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex ChangelogLine();

    [GeneratedRegex(@"^(  - |\S)", RegexOptions.Multiline)]
    private static partial Regex NextEntry();

    [GeneratedRegex(@"^    changes:[ \t]*\[(?<items>.*)\][ \t]*$", RegexOptions.Multiline)]
    private static partial Regex InlineChanges();

    // The list items of a block list, up to the last one (they are what precedes the insertion).
    [GeneratedRegex(@"^    changes:[ \t]*\n(?:      .*\n)*", RegexOptions.Multiline)]
    private static partial Regex BlockChanges();
}
