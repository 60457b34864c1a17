using CtoRules.Fuzz.Fuzzing;
using System.Text;
using CtoRules.Inputs;
using CtoRules.Language.Rules;

namespace CtoRules.Fuzz.Targets;

/// <summary>
/// The rule-file reader (front matter, Markdown, conditions, cross-file checks) through
/// <see cref="RuleSetReader.Load"/>, on a small rule set: the repository's manifest and review
/// sections, three of its references, one derived fact and the J-CTO score, plus the fuzzed file.
/// An input may hold several files, each after a line <c>=== rules/PATH.md</c>, so that duplicate
/// ids and cyclic derived facts are reached too.
/// </summary>
public sealed class RuleFileTarget : FuzzTarget
{
    private const string FileMarker = "=== ";
    private static readonly string[] Keys = ["eurocto-2023", "brilakis-2019", "morino-2011"];
    private readonly Lazy<SourceFile[]> _base = new(Base);

    public override string Name => "rule-file";

    public override string Description => "rule files (front matter, Markdown, conditions) read into a small rule set";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "---\n", "id: ", "version: ", "title: ", "stage: ", "step: ", "kind: ", "actions: ", "when: ", "text: ", "references: ",
        "sections: ", "derives: ", "score: ", "item: ", "points: ", "supersedes: ", "planning", "crossing", "recommend", "caution",
        "[KNUCKLE]", "[eurocto-2023]", "[figure-3a]", "crossingNotStarted", "heavyCalcification", "lesion.calcification == severe",
        " and ", " or ", "not ", "J-CTO", "\n=== rules/derived/b.md\n", "\n=== rules/crossing/fuzz.md\n", ">-\n  ", "|\n  ", "&a ", "*a", "'", "\"",
    ];

    public override string Run(byte[] input)
    {
        if (!StrictUtf8.TryDecode(input, out var text, out _, out _, out _)) return "invalid-utf8";
        var sources = new List<SourceFile>(_base.Value);
        var path = "rules/crossing/fuzz.md";
        var start = 0;
        var files = 0;
        // Split "=== rules/x.md" lines into files; at most 8 so one input stays small.
        while (files < 8)
        {
            var marker = text.IndexOf("\n" + FileMarker, start, StringComparison.Ordinal);
            var end = marker < 0 ? text.Length : marker;
            sources.Add(new SourceFile(path, text[start..end]));
            files++;
            if (marker < 0) break;
            var lineEnd = text.IndexOf('\n', marker + 1);
            path = (lineEnd < 0 ? text[(marker + 1 + FileMarker.Length)..] : text[(marker + 1 + FileMarker.Length)..lineEnd]).Trim();
            if (!path.StartsWith("rules/", StringComparison.Ordinal) || path.Length > 200) path = $"rules/crossing/f{files}.md";
            start = lineEnd < 0 ? text.Length : lineEnd + 1;
        }
        // Paths must be distinct, as files in a folder are.
        var distinct = sources.GroupBy(s => s.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var load = RuleSetReader.Load(distinct);
        // Line counts only of the files diagnostics name (counting every file's lines was a tenth of an input's time).
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in load.Diagnostics)
        {
            if (!lines.TryGetValue(d.Location.File, out var count))
                lines[d.Location.File] = count = distinct.FirstOrDefault(s => s.Path == d.Location.File) is { } file ? file.Text.AsSpan().Count('\n') + 1 : int.MaxValue;
            // A diagnostic points inside its file: never before it, never past its last line.
            if (d.Location.Line < 0 || d.Location.Column < 0 || d.Location.Line > count)
                throw new InvalidOperationException($"diagnostic {d.Code} is outside its file: {d}");
        }
        return load.RuleSet is not null ? "valid" : string.Join(",", load.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).Take(4));
    }

    private static SourceFile[] Base()
    {
        string Read(string relative) => File.ReadAllText(RepoFiles.Path(relative.Split('/')));
        // Three references, cut from the bibliography by their "- key:" entries.
        var bibliography = Read("references/bibliography.yaml");
        var entries = ("\n" + bibliography).Split("\n- key: ").Skip(1)
            .Where(e => Keys.Any(k => e.StartsWith(k + "\n", StringComparison.Ordinal)))
            .Select(e => "- key: " + e.TrimEnd() + "\n");
        var files = new List<SourceFile>
        {
            new(RuleSetReader.ManifestPath, Read("rules/ruleset.yaml")),
            new(RuleSetReader.BibliographyPath, string.Concat(entries)),
            new(RuleSetReader.ReviewSectionsPath, Read("references/review-sections.yaml")),
            new("rules/derived/derived.crossing-not-started.md", Read("rules/derived/derived.crossing-not-started.md")),
            new("rules/scores/J-CTO.yaml", Read("rules/scores/J-CTO.yaml")),
        };
        foreach (var item in Directory.GetFiles(RepoFiles.Path("rules", "scores", "J-CTO"), "*.md").Order(StringComparer.Ordinal))
            files.Add(new SourceFile("rules/scores/J-CTO/" + System.IO.Path.GetFileName(item), File.ReadAllText(item)));
        return [.. files];
    }
}
