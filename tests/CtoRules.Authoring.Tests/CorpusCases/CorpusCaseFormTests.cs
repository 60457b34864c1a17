using CtoRules.Authoring.Advising;
using CtoRules.Authoring.CorpusCases;
using CtoRules.Authoring.Workspace;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests.CorpusCases;

/// <summary>The corpus-case form: every shipped case survives a load and save unchanged; a capture passes as captured; errors name JSON paths.</summary>
public class CorpusCaseFormTests
{
    private static string Root => TestRepo.Root;

    public static TheoryData<string> ShippedCases() => [.. Directory.EnumerateFiles(Path.Combine(Root, "tests", "corpus"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedCases))]
    public void A_shipped_case_loaded_into_the_form_and_written_back_reads_the_same(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, "tests", "corpus", file));
        var original = CorpusReader.Read(text, file);
        original.IsValid.Should().BeTrue();

        var (form, check) = CorpusCaseForm.Load(text, file);
        check.Errors.Should().BeEmpty();
        var written = form.Check();

        written.Errors.Should().BeEmpty(written.Text);
        var again = written.Parsed!;
        again.Title.Should().Be(original.Title);
        again.Tags.Should().Equal(original.Tags);
        again.Source.Should().Be(original.Source);
        again.Case!.KnownFacts().Select(f => (f.Field.Path, f.Value)).Should().Equal(original.Case!.KnownFacts().Select(f => (f.Field.Path, f.Value)));
        again.Case.Id.Should().Be(original.Case.Id);
        again.Expect.Advice.Should().BeEquivalentTo(original.Expect.Advice, o => o.WithStrictOrdering());
        again.Expect.NoAdvice.Should().BeEquivalentTo(original.Expect.NoAdvice, o => o.WithStrictOrdering());
        again.Expect.Order.Should().Equal(original.Expect.Order);
        again.Expect.Scores.Should().BeEquivalentTo(original.Expect.Scores);
        again.Expect.Rules.Should().Equal(original.Expect.Rules);
        again.Expect.NoRules.Should().Equal(original.Expect.NoRules);
        again.Expect.NoScores.Should().Equal(original.Expect.NoScores);
    }

    [Fact]
    public async Task The_advice_captured_from_the_advisor_is_an_expectation_the_same_rule_set_meets()
    {
        var set = RuleSetReader.LoadDirectory(Path.Combine(Root, "rules")).RuleSet!;
        var session = new AdvisorSession(new RuleSources(new WorkingCopy(Path.Combine(Root, "rules"), Path.Combine(Root, "packs"))));
        session.Load("schema: ctorules/case@1\nid: captured-prep\nlesion: { vessel: RCA, calcification: severe, lengthMm: 30, stump: blunt, bendOver45: false, previousFailedAttempt: false }\n" +
            "ivus: { calciumDistribution: eccentric, calciumDepth: superficial, calciumArcDeg: 200 }\n" +
            "procedure: { stage: lesion-preparation, wireCrossed: true, tracking: extraplaque, deviceCrossing: crossed, balloonExpansion: incomplete }\n");
        session.CaptureCorpusCase().Should().BeNull("nothing was evaluated yet");
        await session.EvaluateAsync();

        var form = session.CaptureCorpusCase()!;

        form.Advice.Should().Contain(a => a.Kinds == "avoid" && a.Action == "HIGH-PRESSURE-DILATATION");
        form.Rules.Should().Contain("prep.");
        form.Scores.Should().NotBeEmpty("the lesion's scores are complete for this case");
        var check = form.Check();
        check.Errors.Should().BeEmpty(check.Text);
        var result = CorpusRunner.RunOne(RuleSetCompiler.GetOrCompile(set), check.Parsed!);
        result.Failures.Should().BeEmpty();
    }

    [Fact]
    public void Trimming_an_expectation_removes_it_from_the_file()
    {
        var form = new CorpusCaseForm { Title = "t" };
        form.Case.Id = "trim-me";
        form.Case["procedure.stage"] = "planning";
        form.Advice.Add(new ExpectedAdvice { Kinds = "recommend", Action = "CCTA" });
        form.Advice.Add(new ExpectedAdvice { Kinds = "consider, caution", Action = "IVL" });
        form.Check().Parsed!.Expect.Advice.Should().HaveCount(2);

        form.Advice.RemoveAt(0);

        var parsed = form.Check().Parsed!;
        parsed.Expect.Advice.Should().ContainSingle();
        parsed.Expect.Advice[0].Action.Should().Be("IVL");
        parsed.Expect.Advice[0].Kinds.Should().Equal("consider", "caution");
    }

    [Fact]
    public void Errors_name_the_JSON_path_of_the_field()
    {
        var form = new CorpusCaseForm { Title = "" };
        form.Case.Id = "bad";
        form.Case["procedure.stage"] = "planning";
        form.Case["lesion.lengthMm"] = "-4";
        form.Advice.Add(new ExpectedAdvice { Kinds = "recommend", Action = "KNUCKEL" });
        form.Advice.Add(new ExpectedAdvice { Kinds = "maybe", Action = "CCTA" });
        form.Scores.Add(new ExpectedScore { Score = "J-CTO", Points = "two" });
        form.Order = "CCTA before";

        var check = form.Check();

        check.IsValid.Should().BeFalse();
        check.Errors.Select(e => e.Path).Should().Contain(["title", "case.lesion.lengthMm", "expect.advice[0].action", "expect.advice[1].kind", "expect.scores.J-CTO", "expect.order[0]"]);
        check.ErrorFor("expect.advice[0].action").Should().Contain("KNUCKEL");
    }

    [Fact]
    public void Strings_YAML_would_read_as_something_else_are_quoted()
    {
        var form = new CorpusCaseForm { Title = "yes: a title with a colon, a # and \"quotes\"", Tags = "no, 2.5, plain-tag", Source = "Ünïcode – review §3" };
        form.Case.Id = "quoting";
        form.Case.Description = "true";
        form.Case["procedure.stage"] = "planning";

        var parsed = form.Check().Parsed!;

        parsed.Title.Should().Be(form.Title);
        parsed.Tags.Should().Equal("no", "2.5", "plain-tag");
        parsed.Source.Should().Be(form.Source);
        form.Check().Text.Should().Contain("tags: [\"no\", \"2.5\", plain-tag]");
    }

    [Fact]
    public void A_draft_is_found_only_by_the_user_who_left_it_and_only_for_an_hour()
    {
        var clock = new Clock();
        var drafts = new CorpusCaseDrafts(clock);
        var form = new CorpusCaseForm { Title = "d" };
        form.Case.Id = "drafted";
        form.Case["procedure.stage"] = "planning";
        var key = drafts.Leave("ann", form);

        drafts.Find("bob", key).Should().BeNull();
        drafts.Find("ann", null).Should().BeNull();
        var found = drafts.Find("ann", key)!;
        found.Should().NotBeSameAs(form, "each render edits its own copy");
        (found.Title, found.Name).Should().Be(("d", "drafted"));
        drafts.Find("ann", key).Should().NotBeNull("a second render (prerendering, a reload) finds it again");
        clock.Now += TimeSpan.FromMinutes(61);
        drafts.Find("ann", key).Should().BeNull();
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
