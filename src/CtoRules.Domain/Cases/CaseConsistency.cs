namespace CtoRules.Cases;

/// <summary>
/// The consistency rules of case@1 (shared/contract/case-format.md, last paragraph). They are
/// reported, never guessed around.
/// </summary>
public static class CaseConsistency
{
    public static IEnumerable<CaseError> Check(double[] values)
    {
        string? Get(string path)
        {
            var f = CaseSchema.Find(path)!;
            var v = values[f.Slot];
            return double.IsNaN(v) ? null : f.Render(v);
        }

        var stage = Get("procedure.stage");
        var wireCrossed = Get("procedure.wireCrossed");
        var deviceCrossing = Get("procedure.deviceCrossing");
        var balloon = Get("procedure.balloonExpansion");
        var stent = Get("procedure.stentImplanted");
        var calcification = Get("lesion.calcification");
        var ctCsa = Get("ccta.maxCalciumCsaPct");

        var undeterminable = Get("lesion.durationUndeterminable");
        var duration = Get("lesion.durationMonths");
        if (undeterminable == "true" && duration is not null)
            yield return new CaseError("lesion.durationUndeterminable",
                $"true is inconsistent with lesion.durationMonths = {duration} (a duration that is given can be determined)");
        if (wireCrossed == "false" && deviceCrossing is not null && deviceCrossing != "not-attempted")
            yield return new CaseError("procedure.deviceCrossing",
                $"'{deviceCrossing}' is inconsistent with procedure.wireCrossed = false (a device can only cross after the wire)");
        if (wireCrossed == "false" && stage is "lesion-preparation" or "stent-optimisation")
            yield return new CaseError("procedure.stage",
                $"'{stage}' is inconsistent with procedure.wireCrossed = false (lesion preparation and stent optimisation follow wire crossing)");
        if (balloon is not null && balloon != "not-attempted" && deviceCrossing is not null && deviceCrossing != "crossed")
            yield return new CaseError("procedure.balloonExpansion",
                $"'{balloon}' is inconsistent with procedure.deviceCrossing = {deviceCrossing} (a balloon can only expand once a device has crossed)");
        // Added by CtoRules (docs/contract-extensions.md): planning is before the procedure, so
        // nothing can have crossed or been dilated yet; advice for every stage at once misleads.
        if (stage == "planning" && wireCrossed == "true")
            yield return new CaseError("procedure.wireCrossed",
                "true is inconsistent with procedure.stage = planning (planning comes before the wire crosses; give the stage reached)");
        if (stage == "planning" && deviceCrossing is not null && deviceCrossing != "not-attempted")
            yield return new CaseError("procedure.deviceCrossing",
                $"'{deviceCrossing}' is inconsistent with procedure.stage = planning (planning comes before a device is tried)");
        if (stage == "planning" && balloon is not null && balloon != "not-attempted")
            yield return new CaseError("procedure.balloonExpansion",
                $"'{balloon}' is inconsistent with procedure.stage = planning (planning comes before any balloon)");
        if (calcification == "none" && ctCsa == "100")
            yield return new CaseError("lesion.calcification",
                "'none' is inconsistent with ccta.maxCalciumCsaPct = 100 (calcium filling the whole cross-section is visible on angiography)");
        if (stent == "true" && stage is not null && stage != "stent-optimisation")
            yield return new CaseError("procedure.stentImplanted",
                $"true is inconsistent with procedure.stage = {stage} (a stent is implanted only at stent-optimisation)");
    }
}
