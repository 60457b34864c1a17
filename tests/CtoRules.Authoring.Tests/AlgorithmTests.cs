using CtoRules.Authoring.Algorithm;
using CtoRules.Engine;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests;

public class AlgorithmTests
{
    private static string RepoRoot => TestRepo.Root;

    private static readonly RuleSet Shipped = RuleSetReader.LoadDirectory(Path.Combine(RepoRoot, "rules"), Path.Combine(RepoRoot, "references")).RuleSet!;

    private static Advice.AdviceDocument Evaluate(string corpusFile) =>
        new Advisor(Shipped).Evaluate(CorpusReader.ReadFile(Path.Combine(RepoRoot, "tests", "corpus", corpusFile)).Case!);

    [Fact]
    public void Every_box_links_only_rules_of_the_shipped_knowledge_base_and_every_edge_joins_two_boxes()
    {
        foreach (var d in AlgorithmDiagrams.All)
        {
            d.Boxes.Should().OnlyContain(b => b.Rules.Length > 0, $"every box of {d.Id} is encoded by a rule");
            d.Boxes.SelectMany(b => b.Rules).Where(id => Shipped.Find(id) is null).Should().BeEmpty($"{d.Id} names existing rules");
            d.Boxes.Select(b => b.Id).Should().OnlyHaveUniqueItems();
            d.Edges.Should().OnlyContain(e => d.Boxes.Any(b => b.Id == e.From) && d.Boxes.Any(b => b.Id == e.To));
        }
    }

    [Fact]
    public void A_case_at_the_proximal_cap_lights_the_cap_box_and_leaves_planning_behind()
    {
        var path = AlgorithmPath.Of(AlgorithmDiagrams.Figure3A, Evaluate("kb-cross-cap-not-attempted.yaml"));
        path["a-cap"].Should().Be(BoxState.Fired);
        path["a-intraplaque"].Should().Be(BoxState.Fired);
        path["a-assess"].Should().Be(BoxState.NotReached, "planning advice is not repeated at crossing");
    }

    [Fact]
    public void Intraplaque_wiring_past_a_penetrated_cap_does_not_reach_the_cap_box()
    {
        var path = AlgorithmPath.Of(AlgorithmDiagrams.Figure3A, Evaluate("kb-cross-intraplaque-ongoing-short.yaml"));
        path["a-intraplaque"].Should().Be(BoxState.Fired);
        path["a-cap"].Should().Be(BoxState.NotReached, "the cap is already penetrated");
    }

    [Fact]
    public void A_box_whose_rule_waits_for_an_unknown_fact_is_undecided()
    {
        // Lesion preparation without IVUS: the calcium pattern boxes cannot be decided.
        var advice = Evaluate("bound-prep-no-calcium-on-angiography.yaml");
        var path = AlgorithmPath.Of(AlgorithmDiagrams.Figure3B, advice);
        advice.MissingFacts.Should().Contain(m => m.Fact == "ivus");
        path.Values.Should().Contain(BoxState.Undecided);
        path.Where(p => p.Value == BoxState.Undecided).Select(p => p.Key).Should().BeSubsetOf(["b-superficial", "b-deep", "b-eccentric", "b-extraplaque", "b-ivus", "b-nc", "b-des"]);
    }

    [Fact]
    public void The_svg_names_each_box_state_in_words_and_links_boxes_to_rules()
    {
        var states = AlgorithmPath.Of(AlgorithmDiagrams.Figure3A, Evaluate("kb-cross-cap-not-attempted.yaml"));
        var svg = AlgorithmSvg.Render(AlgorithmDiagrams.Figure3A, states, id => "/rules/" + id);
        svg.Should().StartWith("<svg").And.EndWith("</svg>");
        svg.Should().Contain("data-box=\"a-cap\" data-state=\"fired\"").And.Contain("data-box=\"a-assess\" data-state=\"not reached\"");
        svg.Should().Contain("href=\"/rules/crossing.cap.high-tip-load-wire\"");
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.Should().Be("svg");
        AlgorithmSvg.Render(AlgorithmDiagrams.Central).Should().NotContain("data-state=\"fired\"");
    }
}
