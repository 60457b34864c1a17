namespace CtoRules.Domain.Tests;

/// <summary>The consistency checks CtoRules adds to case@1 (docs/contract-extensions.md, issue 8).</summary>
public class ExtendedConsistencyTests
{
    private static IReadOnlyList<CtoRules.Cases.CaseError> Errors(string blocks) => CaseText.Read(blocks).Errors;

    [Fact]
    public void Planning_with_the_wire_device_and_balloon_done_is_three_errors()
    {
        Errors("\"procedure\":{\"stage\":\"planning\",\"wireCrossed\":true,\"deviceCrossing\":\"crossed\",\"balloonExpansion\":\"full\"}")
            .Select(e => e.ToString()).Should().Equal(
                "procedure.wireCrossed: true is inconsistent with procedure.stage = planning (planning comes before the wire crosses; give the stage reached)",
                "procedure.deviceCrossing: 'crossed' is inconsistent with procedure.stage = planning (planning comes before a device is tried)",
                "procedure.balloonExpansion: 'full' is inconsistent with procedure.stage = planning (planning comes before any balloon)");
    }

    [Fact]
    public void No_angiographic_calcium_with_a_full_moon_on_ct_is_an_error()
    {
        Errors("\"lesion\":{\"calcification\":\"none\"},\"ccta\":{\"maxCalciumCsaPct\":100},\"procedure\":{\"stage\":\"planning\"}")
            .Select(e => e.ToString()).Should().Equal(
                "lesion.calcification: 'none' is inconsistent with ccta.maxCalciumCsaPct = 100 (calcium filling the whole cross-section is visible on angiography)");
    }

    [Fact]
    public void Planning_with_nothing_attempted_and_some_ct_calcium_without_angiographic_calcium_stay_valid()
    {
        CaseText.Read("\"lesion\":{\"calcification\":\"none\"},\"ccta\":{\"maxCalciumCsaPct\":60},\"procedure\":{\"stage\":\"planning\",\"wireCrossed\":false,\"deviceCrossing\":\"not-attempted\"}")
            .IsValid.Should().BeTrue();
    }
}
