using CtoRules.Language.Rules;

namespace CtoRules.Language.Tests;

public class ReservedDerivedNameTests
{
    private const string Manifest = "id: t\nversion: 1.0.0\ntitle: T\n";
    private const string Bibliography = "- { key: eurocto-2023, type: article-journal, authors: [A], title: T, journal: J, year: 2023 }\n";

    [Theory]
    [InlineData("known")]
    [InlineData("true")]
    [InlineData("ivus")]
    public void A_derived_fact_cannot_be_named_like_a_keyword_or_a_block(string name)
    {
        var rule = $"---\nid: d.x\nversion: 1\ntitle: X\nderives: {name}\nwhen: lesion.inStent\nreferences: [eurocto-2023]\n---\nWhy.\n";
        var load = RuleSetReader.Load([
            new SourceFile("rules/ruleset.yaml", Manifest),
            new SourceFile("references/bibliography.yaml", Bibliography),
            new SourceFile("rules/derived/x.md", rule)]);
        var d = load.Diagnostics.Should().ContainSingle(x => x.IsError).Subject;
        d.Code.Should().Be("CTO1012");
        d.Location.Line.Should().Be(5);
        d.Location.Column.Should().Be(10);
        d.Message.Should().Be($"'{name}' is not a valid derived fact name: use camelCase starting with a lower-case letter, not a keyword or a block name, e.g. heavyCalcification");
    }
}
