using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.CdsHooks.Tests.Services;

public class CardSummaryLintTests
{
    [Fact]
    public void The_shipped_rules_all_make_summaries_under_140_characters()
    {
        CardSummary.Lint(TestRules.RuleSet).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_with_a_long_title_is_a_CTO1025_diagnostic_at_its_title_line()
    {
        var rule = TestRules.RuleSet.Rules.First(r => r.Role == RuleRole.Advice);
        var longTitle = new string('x', 140);
        var changed = rule with { Title = longTitle, Source = rule.Source with { Text = rule.Source.Text.Replace("title: ", "title: " + longTitle + " ") } };
        var set = new RuleSet
        {
            Manifest = TestRules.RuleSet.Manifest, Rules = [changed], Scores = [], Bibliography = TestRules.RuleSet.Bibliography,
            Sources = [changed.Source], ContentDigest = "t",
        };
        var d = CardSummary.Lint(set).Should().ContainSingle().Subject;
        d.Descriptor.Should().Be(DiagnosticDescriptors.CardSummaryTooLong);
        d.Location.Line.Should().Be(Array.FindIndex(changed.Source.Text.Split('\n'), l => l.StartsWith("title:", StringComparison.Ordinal)) + 1).And.BeGreaterThan(1);
        d.ToString().Should().Contain("CTO1025").And.Contain($"rule '{rule.Id}'");
    }
}
