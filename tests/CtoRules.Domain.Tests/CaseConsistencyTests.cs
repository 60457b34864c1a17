using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>The consistency rules of case-format.md, each reported at its path and never guessed around.</summary>
public class CaseConsistencyTests
{
    private static CaseReadResult ReadProcedure(string procedure) =>
        CaseText.Read("\"procedure\":{" + procedure + "}");

    [Theory]
    [InlineData("crossed")]
    [InlineData("uncrossable")]
    public void Device_crossing_needs_a_crossed_wire(string deviceCrossing)
    {
        ReadProcedure($"\"stage\":\"crossing\",\"wireCrossed\":false,\"deviceCrossing\":\"{deviceCrossing}\"")
            .Errors.Should().Equal(new CaseError("procedure.deviceCrossing",
                $"'{deviceCrossing}' is inconsistent with procedure.wireCrossed = false (a device can only cross after the wire)"));
    }

    [Fact]
    public void Device_crossing_not_attempted_is_consistent_with_an_uncrossed_wire()
    {
        ReadProcedure("\"stage\":\"crossing\",\"wireCrossed\":false,\"deviceCrossing\":\"not-attempted\"")
            .IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("lesion-preparation")]
    [InlineData("stent-optimisation")]
    public void Late_stages_need_a_crossed_wire(string stage)
    {
        ReadProcedure($"\"stage\":\"{stage}\",\"wireCrossed\":false")
            .Errors.Should().Equal(new CaseError("procedure.stage",
                $"'{stage}' is inconsistent with procedure.wireCrossed = false (lesion preparation and stent optimisation follow wire crossing)"));
    }

    [Theory]
    [InlineData("planning")]
    [InlineData("crossing")]
    [InlineData("device-crossing")]
    public void Early_stages_are_consistent_with_an_uncrossed_wire(string stage)
    {
        ReadProcedure($"\"stage\":\"{stage}\",\"wireCrossed\":false").IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("full", "not-attempted")]
    [InlineData("incomplete", "uncrossable")]
    public void Balloon_expansion_needs_a_crossed_device(string balloon, string deviceCrossing)
    {
        ReadProcedure($"\"stage\":\"lesion-preparation\",\"wireCrossed\":true,\"deviceCrossing\":\"{deviceCrossing}\",\"balloonExpansion\":\"{balloon}\"")
            .Errors.Should().Equal(new CaseError("procedure.balloonExpansion",
                $"'{balloon}' is inconsistent with procedure.deviceCrossing = {deviceCrossing} (a balloon can only expand once a device has crossed)"));
    }

    [Fact]
    public void Balloon_expansion_with_unknown_device_crossing_is_not_guessed_about()
    {
        ReadProcedure("\"stage\":\"lesion-preparation\",\"wireCrossed\":true,\"balloonExpansion\":\"incomplete\"")
            .IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("planning")]
    [InlineData("lesion-preparation")]
    public void A_stent_is_implanted_only_at_stent_optimisation(string stage)
    {
        // At planning the wire has not crossed (that is its own error since issue 8).
        ReadProcedure($"\"stage\":\"{stage}\"" + (stage == "planning" ? "" : ",\"wireCrossed\":true") + ",\"stentImplanted\":true")
            .Errors.Should().Equal(new CaseError("procedure.stentImplanted",
                $"true is inconsistent with procedure.stage = {stage} (a stent is implanted only at stent-optimisation)"));
    }

    [Fact]
    public void A_stent_at_stent_optimisation_is_consistent()
    {
        ReadProcedure("\"stage\":\"stent-optimisation\",\"wireCrossed\":true,\"deviceCrossing\":\"crossed\",\"balloonExpansion\":\"full\",\"stentImplanted\":true")
            .IsValid.Should().BeTrue();
    }

    [Fact]
    public void Every_broken_rule_is_reported()
    {
        ReadProcedure("\"stage\":\"lesion-preparation\",\"wireCrossed\":false,\"deviceCrossing\":\"uncrossable\",\"balloonExpansion\":\"full\",\"stentImplanted\":true")
            .Errors.Select(e => e.Path).Should().Equal(
                "procedure.deviceCrossing", "procedure.stage", "procedure.balloonExpansion", "procedure.stentImplanted");
    }

    [Fact]
    public void Rules_are_not_applied_to_a_fact_that_failed_validation()
    {
        // deviceCrossing is invalid, so only its own error is reported, not an inconsistency built on it.
        ReadProcedure("\"stage\":\"crossing\",\"wireCrossed\":false,\"deviceCrossing\":\"crosed\"")
            .Errors.Should().Equal(new CaseError("procedure.deviceCrossing",
                "'crosed' is not one of not-attempted, crossed, uncrossable; did you mean 'crossed'?"));
    }

    [Fact]
    public void Builder_reports_the_same_rules()
    {
        var build = () => new CaseBuilder("b-1", "planning").Set("procedure.stentImplanted", true).Build();
        build.Should().Throw<InvalidCaseException>().Which.Errors.Should().Equal(new CaseError("procedure.stentImplanted",
            "true is inconsistent with procedure.stage = planning (a stent is implanted only at stent-optimisation)"));
    }

    [Fact]
    public void An_undeterminable_duration_cannot_come_with_a_duration()
    {
        CaseText.Read("\"lesion\":{\"durationMonths\":14,\"durationUndeterminable\":true},\"procedure\":{\"stage\":\"planning\"}")
            .Errors.Should().Equal(new CaseError("lesion.durationUndeterminable",
                "true is inconsistent with lesion.durationMonths = 14 (a duration that is given can be determined)"));
        CaseText.Read("\"lesion\":{\"durationUndeterminable\":true},\"procedure\":{\"stage\":\"planning\"}").IsValid.Should().BeTrue();
        CaseText.Read("\"lesion\":{\"durationMonths\":14,\"durationUndeterminable\":false},\"procedure\":{\"stage\":\"planning\"}").IsValid.Should().BeTrue();
    }
}
