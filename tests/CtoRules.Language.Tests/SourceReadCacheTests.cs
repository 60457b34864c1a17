using CtoRules.Language.Rules;
using static CtoRules.Language.Tests.RuleSets;

namespace CtoRules.Language.Tests;

/// <summary>
/// The manifest, bibliography, review sections and score definitions are read once per content
/// (like rule files): a load from the cache must give exactly what reading again gives, including
/// the diagnostics of a broken source and those reported on a cached score after reading.
/// </summary>
public sealed class SourceReadCacheTests
{
    private const string Score = "rules/scores/J-CTO.yaml";

    // Each test uses its own texts (a unique id or title), so the first load of each really reads.
    private static (string, string)[] Files(string tag) =>
    [
        (Score, JctoScore.Replace("title: J-CTO score", $"title: J-CTO score {tag}", StringComparison.Ordinal)),
        ("rules/scores/J-CTO/s.a.md", ScoreItem($"s.{tag}", "a", "2")),
    ];

    private static RuleSetLoad LoadWith(string manifest, string bibliography, params (string Path, string Text)[] files) =>
        RuleSetReader.Load([
            new SourceFile(RuleSetReader.ManifestPath, manifest),
            new SourceFile(RuleSetReader.BibliographyPath, bibliography),
            .. files.Select(f => new SourceFile(f.Path, f.Text)),
        ]);

    [Fact]
    public void A_second_load_of_the_same_sources_gives_the_same_diagnostics_once_each()
    {
        var tag = Guid.NewGuid().ToString("N");
        var manifest = Manifest + $"description: {tag}\nextra: 1\n";
        var bibliography = Bibliography + "- key: broken\n";

        var first = LoadWith(manifest, bibliography, Files(tag));
        var second = LoadWith(manifest, bibliography, Files(tag));

        // The manifest's unknown field and the broken entry are found while reading; the
        // items below the maximum (CTO1028) are reported on the score's fields after reading.
        first.Diagnostics.Select(d => d.Code).Should().Contain(["CTO1028"]).And.HaveCountGreaterThan(2);
        second.Diagnostics.Should().Equal(first.Diagnostics);
        first.Diagnostics.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_changed_bibliography_is_read_again()
    {
        var tag = Guid.NewGuid().ToString("N");
        var files = Files(tag)[1..];
        files = [(Score, JctoScore.Replace("maxPoints: 5", "maxPoints: 2", StringComparison.Ordinal).Replace("J-CTO score", tag, StringComparison.Ordinal)), .. files];

        LoadWith(Manifest, Bibliography, files).Diagnostics.Should().BeEmpty();
        var without = LoadWith(Manifest, Bibliography.Replace("- key: ref-2020", "- key: ref-2019", StringComparison.Ordinal), files);

        without.Diagnostics.Should().Contain(d => d.Code == "CTO1011" && d.Message.StartsWith("unknown reference key 'ref-2020'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_text_under_another_display_path_is_reported_there()
    {
        var broken = $"id: Not_A_Key\nversion: 1.0.0\ntitle: {Guid.NewGuid():N}\n";
        RuleSetLoad Read(string display) => RuleSetReader.Load([
            new SourceFile(RuleSetReader.ManifestPath, broken, display),
            new SourceFile(RuleSetReader.BibliographyPath, Bibliography),
            new SourceFile("rules/lesion-preparation/x.md", AdviceRule()),
        ]);

        Read("one/ruleset.yaml").Diagnostics.Should().Contain(d => d.Code == "CTO1012").Which.Location.File.Should().Be("one/ruleset.yaml");
        Read("two/ruleset.yaml").Diagnostics.Should().Contain(d => d.Code == "CTO1012").Which.Location.File.Should().Be("two/ruleset.yaml");
    }
}
