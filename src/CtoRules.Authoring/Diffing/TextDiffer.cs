using System.Collections.Immutable;
using CtoRules.Language.Rules;
using CtoRules.Packs.Canonical;
using System.Text.Json.Serialization;
using CtoRules.Authoring.Editing;
using DiffPlex.Renderer;

namespace CtoRules.Authoring.Diffing;

/// <summary>A unified diff of one source file (<c>/dev/null</c> for a file added or removed).</summary>
public sealed record FileDiff(string PathBefore, string PathAfter, string Unified)
{
    /// <summary>
    /// The same change side by side (DiffPlex <c>SideBySideDiffBuilder</c>), every line of both
    /// texts with the changed ones marked, for the site's text view. Not part of the diff's JSON
    /// or Markdown formats, which keep the unified text.
    /// </summary>
    [JsonIgnore]
    public ImmutableArray<DiffRow> SideBySide { get; init; } = [];
}

/// <summary>
/// Unified diffs (DiffPlex, three lines of context) of every rule file and score definition whose
/// text differs; rules are matched by id and scores by name, so a moved file diffs against itself.
/// </summary>
public static class TextDiffer
{
    public const string Null = "/dev/null";

    public static ImmutableArray<FileDiff> Compare(RuleSet before, RuleSet after)
    {
        var result = ImmutableArray.CreateBuilder<FileDiff>();
        var a = before.Rules.ToDictionary(r => r.Id, r => r.Source, StringComparer.Ordinal);
        var b = after.Rules.ToDictionary(r => r.Id, r => r.Source, StringComparer.Ordinal);
        foreach (var id in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            Add(result, a.GetValueOrDefault(id), b.GetValueOrDefault(id));
        var sa = before.Scores.ToDictionary(s => s.Name, s => s.Source, StringComparer.Ordinal);
        var sb = after.Scores.ToDictionary(s => s.Name, s => s.Source, StringComparer.Ordinal);
        foreach (var name in sa.Keys.Union(sb.Keys).Order(StringComparer.Ordinal))
            Add(result, sa.GetValueOrDefault(name), sb.GetValueOrDefault(name));
        return [.. result.OrderBy(d => d.PathAfter == Null ? d.PathBefore : d.PathAfter, StringComparer.Ordinal)];
    }

    private static void Add(ImmutableArray<FileDiff>.Builder result, SourceFile? x, SourceFile? y)
    {
        var left = x is null ? "" : CanonicalJson.NormalizeNewlines(x.Text);
        var right = y is null ? "" : CanonicalJson.NormalizeNewlines(y.Text);
        if (left == right) return;
        var pathBefore = x?.Path ?? Null;
        var pathAfter = y?.Path ?? Null;
        var unified = new UnidiffRenderer(contextLines: 3).Generate(left, right,
            x is null ? Null : "a/" + x.Path, y is null ? Null : "b/" + y.Path, ignoreWhitespace: false, ignoreCase: false);
        result.Add(new FileDiff(pathBefore, pathAfter, CanonicalJson.NormalizeNewlines(unified).TrimEnd('\n') + "\n")
        {
            SideBySide = SideBySideDiff.Compare(left, right),
        });
    }
}
