using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.Language.Tests;

/// <summary>In-memory rule sets for reader tests: a valid manifest and bibliography plus the files of a test.</summary>
internal static class RuleSets
{
    public static readonly string Manifest = Lines(
        "id: test-set",
        "version: 1.0.0",
        "title: Test set");

    public static readonly string Bibliography = Lines(
        "- key: ref-2020",
        "  type: article-journal",
        "  authors: [Doe J]",
        "  title: A study",
        "  journal: J Test",
        "  year: 2020",
        "- key: other-2021",
        "  type: article-journal",
        "  authors: [Roe R, Poe P]",
        "  title: Another study",
        "  journal: J Test",
        "  year: 2021");

    /// <summary>The lines joined with LF and ended with LF: line n of the file is <paramref name="lines"/>[n - 1].</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>Loads the files with the standard manifest and bibliography.</summary>
    public static RuleSetLoad Load(params (string Path, string Text)[] files) =>
        RuleSetReader.Load([
            new SourceFile(RuleSetReader.ManifestPath, Manifest),
            new SourceFile(RuleSetReader.BibliographyPath, Bibliography),
            .. files.Select(f => new SourceFile(f.Path, f.Text)),
        ]);

    /// <summary>Loads exactly the files given.</summary>
    public static RuleSetLoad LoadOnly(params (string Path, string Text)[] files) =>
        RuleSetReader.Load(files.Select(f => new SourceFile(f.Path, f.Text)));

    /// <summary>An advice rule that is valid on its own.</summary>
    public static string AdviceRule(string id = "prep.x", string when = "lesion.inStent") => Lines(
        "---",
        $"id: {id}",
        "version: 1",
        "title: A rule",
        "stage: lesion-preparation",
        "kind: avoid",
        "actions: [IVL]",
        $"when: {when}",
        "text: Do it.",
        "references: [ref-2020]",
        "---",
        "Rationale.");

    public static string DerivedRule(string id, string name, string when) => Lines(
        "---",
        $"id: {id}",
        "version: 1",
        "title: A derived fact",
        $"derives: {name}",
        $"when: {when}",
        "references: [ref-2020]",
        "---");

    public static readonly string JctoScore = Lines(
        "score: J-CTO",
        "title: J-CTO score",
        "maxPoints: 5",
        "references: [ref-2020]",
        "categories:",
        "  - { min: 0, max: 0, label: easy }",
        "  - { min: 1, max: 1, label: intermediate }",
        "  - { min: 2, label: difficult }");

    public static string ScoreItem(string id, string item, string points = "1", string score = "J-CTO") => Lines(
        "---",
        $"id: {id}",
        "version: 1",
        "title: An item",
        $"score: {score}",
        $"item: {item}",
        $"points: {points}",
        "when: lesion.inStent",
        "references: [ref-2020]",
        "---");

    public static SourceLocation At(string file, int line, int column) => new(file, line, column);
}
