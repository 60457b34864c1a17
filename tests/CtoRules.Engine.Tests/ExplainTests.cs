using System.Text.Json;
using CtoRules.Cases;
using CtoRules.Engine.Corpus;
using CtoRules.Engine.Explanation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Rules;

namespace CtoRules.Engine.Tests;

/// <summary>Advisor.Explain: the why / why-not tree, and its agreement with what Evaluate fires.</summary>
public class ExplainTests
{
    private static Case Read(string yaml)
    {
        var read = CaseReader.ReadYaml(yaml);
        read.Errors.Should().BeEmpty();
        return read.Case!;
    }

    private static readonly Case Planning = Read("""
        schema: ctorules/case@1
        id: p
        lesion: { calcification: severe, lengthMm: 25, vessel: RCA }
        procedure: { stage: planning }
        """);

    [Fact]
    public void A_fired_rule_shows_the_derived_fact_chain_with_the_values_that_decided_it()
    {
        var rule = Scenario.RuleSet.Rules.First(r => r.Role == RuleRole.Advice && r.Condition.DerivedFacts().Any()
            && Scenario.Advisor.Explain(Planning, r.Id).Outcome == RuleOutcome.Fired);
        var x = Scenario.Advisor.Explain(Planning, rule.Id);
        x.Blocking.Should().BeEmpty();
        x.Condition.Value.Should().Be(Truth.True);
        var derived = Flatten(x.Condition).First(c => c.Kind == ClauseKind.Derived);
        derived.DerivedBy.Should().NotBeNull();
        derived.Children.Should().ContainSingle().Which.RuleId.Should().Be(derived.DerivedBy);
        Flatten(derived).Where(c => c.Kind == ClauseKind.Compare).SelectMany(c => c.Facts)
            .Should().Contain(f => f.Path == "lesion.calcification" && f.Value == "severe");
    }

    [Fact]
    public void A_rule_that_did_not_fire_names_the_false_clauses_that_stopped_it()
    {
        var @case = Read("""
            schema: ctorules/case@1
            id: n
            lesion: { calcification: mild, lengthMm: 10, vessel: RCA, tortuosity: none }
            ivus: { calciumDistribution: eccentric, calciumDepth: superficial, calciumArcDeg: 90 }
            procedure: { stage: stent-optimisation, tracking: intraplaque, wireCrossed: true, deviceCrossing: crossed, balloonExpansion: full }
            """);
        var notFired = Scenario.RuleSet.Rules.Select(r => Scenario.Advisor.Explain(@case, r.Id))
            .Where(x => x.Outcome == RuleOutcome.NotFired).ToList();
        notFired.Should().NotBeEmpty();
        foreach (var x in notFired)
        {
            x.Blocking.Should().NotBeEmpty(x.RuleId);
            x.Blocking.Should().OnlyContain(b => b.Value == Truth.False && b.Blocking);
            x.Summary.Should().Contain("did not fire");
        }
    }

    [Fact]
    public void An_undecided_rule_names_its_unknown_clauses_and_missing_facts_never_as_false()
    {
        var undecided = Scenario.RuleSet.Rules.Select(r => Scenario.Advisor.Explain(Planning, r.Id))
            .Where(x => x.Outcome == RuleOutcome.Undecided).ToList();
        undecided.Should().NotBeEmpty();
        foreach (var x in undecided)
        {
            x.Blocking.Should().NotBeEmpty().And.OnlyContain(b => b.Value == Truth.Unknown);
            x.MissingFacts.Should().NotBeEmpty();
            Flatten(x.Condition).Where(c => c.Kind is ClauseKind.Compare or ClauseKind.In && c.Value == Truth.Unknown)
                .SelectMany(c => c.Facts).Should().OnlyContain(f => f.Value == null);
        }
    }

    [Fact]
    public void Advice_of_an_earlier_stage_is_out_of_scope()
    {
        var late = Read("""
            schema: ctorules/case@1
            id: late
            lesion: { calcification: severe, lengthMm: 25 }
            procedure: { stage: stent-optimisation }
            """);
        var planningAdvice = Scenario.RuleSet.Rules.First(r => r.Role == RuleRole.Advice && r.Stage == "planning");
        var x = Scenario.Advisor.Explain(late, planningAdvice.Id);
        x.Outcome.Should().Be(RuleOutcome.OutOfScope);
        x.Summary.Should().Contain("stent-optimisation");
    }

    [Fact]
    public void Clauses_carry_their_span_in_the_when_text()
    {
        var rule = Scenario.RuleSet.Rules.First(r => r.When is not null && r.Condition is Language.Conditions.BoundAnd);
        var x = Scenario.Advisor.Explain(Planning, rule.Id);
        foreach (var c in x.Condition.Children)
        {
            c.Span.Should().NotBeNull();
            var text = rule.When!.Substring(c.Span!.Value.Start, c.Span.Value.Length);
            text.Should().NotBeNullOrWhiteSpace();
        }
        x.Condition.Span!.Value.Length.Should().BeGreaterThan(x.Condition.Children[0].Span!.Value.Length);
    }

    [Fact]
    public void An_unknown_rule_id_is_a_clear_error()
    {
        var id = Scenario.RuleSet.Rules[0].Id;
        var act = () => Scenario.Advisor.Explain(Planning, id + "x");
        act.Should().Throw<ArgumentException>().WithMessage($"*no rule '{id}x'*did you mean '{id}'*");
    }

    [Fact]
    public void The_explanation_round_trips_through_System_Text_Json()
    {
        var x = Scenario.Advisor.Explain(Planning, Scenario.RuleSet.Rules[0].Id);
        var json = JsonSerializer.Serialize(x, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        json.Should().Contain("\"outcome\":\"").And.Contain("\"value\":\"");
        var back = JsonSerializer.Deserialize<RuleExplanation>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        back.RuleId.Should().Be(x.RuleId);
        back.Outcome.Should().Be(x.Outcome);
        back.Condition.Text.Should().Be(x.Condition.Text);
    }

    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot, "tests", "corpus"), "*.yaml").Select(f => Path.GetFileName(f)!).Order()];

    /// <summary>Every rule of the shipped rule set × this corpus case: Explain agrees with Evaluate.</summary>
    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Explain_agrees_with_evaluate_for_every_rule_on_the_corpus(string file)
    {
        var corpusCase = CorpusReader.ReadFile(Path.Combine(RepoRoot, "tests", "corpus", file));
        corpusCase.IsValid.Should().BeTrue();
        var trace = Shipped.Compiled.Trace(corpusCase.Case!, DateTimeOffset.UnixEpoch);
        var fired = trace.FiredRules.ToHashSet();
        var undecided = trace.UndecidedRules.ToHashSet();
        foreach (var rule in Shipped.RuleSet.Rules)
        {
            var x = Shipped.Explain(corpusCase.Case!, rule.Id);
            var expected = fired.Contains(rule.Id) ? RuleOutcome.Fired
                : undecided.Contains(rule.Id) ? RuleOutcome.Undecided
                : x.Outcome == RuleOutcome.OutOfScope ? RuleOutcome.OutOfScope : RuleOutcome.NotFired;
            x.Outcome.Should().Be(expected, $"{rule.Id} on {file}");
            if (x.Outcome == RuleOutcome.OutOfScope)
                CaseSchema.StageOrdinal(rule.Stage!).Should().BeLessThan(CaseSchema.StageOrdinal(corpusCase.Case!.Stage));
            if (x.Outcome == RuleOutcome.Undecided && rule.Role != RuleRole.Derived)
                trace.Advice.MissingFacts.Where(m => m.WouldInform.Contains(rule.Id)).Select(m => m.Fact)
                    .Should().BeEquivalentTo(x.MissingFacts.Where(f => CaseSchema.IsKnowableAt(f, corpusCase.Case!.Stage)), $"{rule.Id} on {file}");
        }
    }

    private static Advisor Shipped => ShippedAdvisor.Value;

    private static readonly Lazy<Advisor> ShippedAdvisor = new(LoadShipped);

    private static Advisor LoadShipped()
    {
        var load = RuleSetReader.LoadDirectory(Path.Combine(RepoRoot, "rules"), Path.Combine(RepoRoot, "references"));
        if (load.RuleSet is null) throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        return new Advisor(load.RuleSet);
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("rules/ruleset.yaml not found above the test output");
    }

    private static IEnumerable<ClauseExplanation> Flatten(ClauseExplanation node) =>
        new[] { node }.Concat(node.Children.SelectMany(Flatten));
}
