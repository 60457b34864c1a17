using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>When a fact can be obtained: data of the case catalogue, used to rank missing facts.</summary>
public class FactKnowabilityTests
{
    [Theory]
    [InlineData("ccta", "planning", true)]
    [InlineData("ccta", "crossing", false)]
    [InlineData("ccta.maxCalciumCsaPct", "lesion-preparation", false)]
    [InlineData("procedure.balloonExpansion", "planning", false)]
    [InlineData("procedure.balloonExpansion", "lesion-preparation", true)]
    [InlineData("ivus", "crossing", false)]
    [InlineData("ivus.calciumArcDeg", "device-crossing", true)]
    [InlineData("procedure.tracking", "crossing", true)]
    [InlineData("procedure.stentImplanted", "lesion-preparation", false)]
    [InlineData("patient", "stent-optimisation", true)]
    [InlineData("lesion.lengthMm", "planning", true)]
    public void A_fact_is_knowable_in_its_window_of_stages(string fact, string stage, bool knowable) =>
        CaseSchema.IsKnowableAt(fact, stage).Should().Be(knowable);

    [Fact]
    public void Every_window_is_a_valid_stage_range()
    {
        foreach (var f in CaseSchema.Fields)
        {
            CaseSchema.StageOrdinal(f.KnowableFrom).Should().BeGreaterThanOrEqualTo(0, f.Path);
            CaseSchema.StageOrdinal(f.KnowableUntil).Should().BeGreaterThanOrEqualTo(CaseSchema.StageOrdinal(f.KnowableFrom), f.Path);
        }
    }
}
