using CtoRules.Cases;

namespace CtoRules.Engine.Facts;

/// <summary>
/// The stage that decides which advice rules are in scope (docs/rule-format.md, "Scope"). It is
/// the case's stage, except that a device that cannot cross keeps the procedure at device
/// crossing: Table 2's escalation then holds whatever stage the case was entered at, instead of
/// a lesion entered at lesion preparation skipping the gentler steps (issue 9, point 3).
/// </summary>
public static class Scope
{
    private static readonly int DeviceCrossingSlot = CaseSchema.Find("procedure.deviceCrossing")!.Slot;
    private static readonly double Uncrossable = CaseSchema.Find("procedure.deviceCrossing")!.Values.IndexOf("uncrossable");
    private static readonly int DeviceCrossingStage = CaseSchema.StageOrdinal("device-crossing");

    public static int StageOrdinal(IReadOnlyList<double> values)
    {
        var stage = (int)values[CaseSchema.Stage.Slot];
        return values[DeviceCrossingSlot] == Uncrossable ? Math.Min(stage, DeviceCrossingStage) : stage;
    }
}
