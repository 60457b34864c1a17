using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

public class CaseBuilderTests
{
    [Fact]
    public void Builds_the_same_case_as_the_reader()
    {
        var built = new CaseBuilder("b-1", "lesion-preparation")
            .Describe("built in code")
            .Set("patient.ageYears", 70)
            .Set("lesion.calcification", "severe")
            .Set("lesion.lengthMm", 30.5)
            .Set("procedure.wireCrossed", true)
            .Set("procedure.deviceCrossing", "crossed")
            .Block("ivus")
            .Build();

        var read = CaseReader.ReadYaml("""
            schema: ctorules/case@1
            id: b-1
            description: built in code
            patient: { ageYears: 70 }
            lesion: { calcification: severe, lengthMm: 30.5 }
            ivus: {}
            procedure: { stage: lesion-preparation, wireCrossed: true, deviceCrossing: crossed }
            """);

        read.Errors.Should().BeEmpty();
        built.ToJson().ToJsonString().Should().Be(read.Case!.ToJson().ToJsonString());
        built.Values.ToArray().Should().Equal(read.Case.Values.ToArray());
        built.BlockMask.Should().Be(read.Case.BlockMask);
    }

    [Fact]
    public void Only_the_stage_is_known_by_default()
    {
        var c = new CaseBuilder("b-2", "planning").Build();

        c.KnownFacts().Select(f => f.Field.Path).Should().Equal("procedure.stage");
        c.HasBlock("procedure").Should().BeTrue();
        c.HasBlock("lesion").Should().BeFalse();
    }

    [Fact]
    public void Setting_a_fact_marks_its_block()
    {
        new CaseBuilder("b-3", "planning").Set("ccta.bluntStump", false).Build().HasBlock("ccta").Should().BeTrue();
    }

    [Fact]
    public void Building_twice_gives_independent_cases()
    {
        var builder = new CaseBuilder("b-4", "planning").Set("lesion.lengthMm", 10);
        var first = builder.Build();
        builder.Set("lesion.lengthMm", 20);

        first.Get("lesion.lengthMm").Should().Be("10");
        builder.Build().Get("lesion.lengthMm").Should().Be("20");
    }

    [Fact]
    public void Values_are_checked_as_the_reader_checks_them()
    {
        var b = new CaseBuilder("b-5", "planning");

        b.Invoking(x => x.Set("lesion.lengthMm", 400)).Should().Throw<ArgumentOutOfRangeException>();
        b.Invoking(x => x.Set("patient.ageYears", 34.5)).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Set("lesion.inStent", 1)).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Set("lesion.lengthMm", true)).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Set("lesion.calcification", "heavy")).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Set("lesion.lengthMm", "30")).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Set("lesion.foo", true)).Should().Throw<ArgumentException>();
        b.Invoking(x => x.Block("echo")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new CaseBuilder("b-6", "stenting")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void NaN_is_refused_because_it_means_unknown()
    {
        var b = new CaseBuilder("b-7", "planning");

        b.Invoking(x => x.Set("lesion.lengthMm", double.NaN)).Should().Throw<ArgumentException>();
        b.Build().HasBlock("lesion").Should().BeFalse();
    }

    [Fact]
    public void Invalid_id_is_reported_with_the_readers_message()
    {
        var act = () => new CaseBuilder("a b", "planning").Build();

        act.Should().Throw<InvalidCaseException>().Which.Errors.Should().Equal(
            new CaseError("id", "'a b' is not a valid id; use 1–64 characters of A-Z a-z 0-9 . _ -"));
    }

    [Fact]
    public void Inconsistent_case_reports_every_error()
    {
        var act = () => new CaseBuilder("b-8", "stent-optimisation")
            .Set("procedure.wireCrossed", false)
            .Set("procedure.deviceCrossing", "crossed")
            .Build();

        act.Should().Throw<InvalidCaseException>().Which.Errors.Select(e => e.Path)
            .Should().Equal("procedure.deviceCrossing", "procedure.stage");
    }
}
