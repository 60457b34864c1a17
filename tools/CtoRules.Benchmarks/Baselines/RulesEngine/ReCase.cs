using CtoRules.Cases;

namespace CtoRules.Benchmarks.Baselines.RulesEngine;

// The input type a .NET team would deserialize case@1 JSON into for RulesEngine: nested blocks
// (null when absent), nullable values, enumerations as the strings the JSON holds.

public sealed class RePatient
{
    public int? AgeYears { get; set; }
    public bool? PriorCabg { get; set; }
    public bool? PriorMi { get; set; }
    public double? Egfr { get; set; }
}

public sealed class ReLesion
{
    public string? Vessel { get; set; }
    public bool? InStent { get; set; }
    public double? LengthMm { get; set; }
    public double? DurationMonths { get; set; }
    public bool? DurationUndeterminable { get; set; }
    public bool? PreviousFailedAttempt { get; set; }
    public string? Stump { get; set; }
    public bool? ProximalCapAmbiguous { get; set; }
    public bool? BendOver45 { get; set; }
    public string? Tortuosity { get; set; }
    public string? Calcification { get; set; }
    public bool? InterventionalCollaterals { get; set; }
    public bool? SideBranchAtProximalCap { get; set; }
    public bool? MultipleOcclusions { get; set; }
    public double? DistalVesselDiameterMm { get; set; }
    public bool? DistalVesselCalcified { get; set; }
}

public sealed class ReCcta
{
    public double? MaxCalciumCsaPct { get; set; }
    public double? MaxCalciumArcDeg { get; set; }
    public bool? BluntStump { get; set; }
    public bool? BendOver45 { get; set; }
    public double? LengthMm { get; set; }
    public bool? SideBranchAtProximalCap { get; set; }
}

public sealed class ReIvus
{
    public double? CalciumArcDeg { get; set; }
    public string? CalciumDepth { get; set; }
    public string? CalciumDistribution { get; set; }
    public bool? CalcifiedNodule { get; set; }
    public bool? LumenCompromised { get; set; }
}

public sealed class ReProcedure
{
    public string? Stage { get; set; }
    public string? ProximalCap { get; set; }
    public bool? WireCrossed { get; set; }
    public string? Tracking { get; set; }
    public string? DeviceCrossing { get; set; }
    public string? BalloonExpansion { get; set; }
    public bool? IvlDeliverable { get; set; }
    public bool? ContrastLimited { get; set; }
    public bool? StentImplanted { get; set; }
}

public sealed class ReCase
{
    public RePatient? Patient { get; set; }
    public ReLesion? Lesion { get; set; }
    public ReCcta? Ccta { get; set; }
    public ReIvus? Ivus { get; set; }
    public ReProcedure? Procedure { get; set; }

    /// <summary>The stage as a number, for "advice of earlier stages is not repeated".</summary>
    public int StageOrdinal { get; set; }

    /// <summary>Reads a case@1 into the model by property name (reflection once per type, then setters).</summary>
    public static ReCase From(Case @case)
    {
        var c = new ReCase { StageOrdinal = CtoRules.Engine.Facts.Scope.StageOrdinal(@case.UnsafeValues) }; // the engine's scope: an uncrossable device holds the case at device crossing
        var v = @case.Values;
        object?[] blocks = [
            @case.HasBlock("patient") ? c.Patient = new RePatient() : null,
            @case.HasBlock("lesion") ? c.Lesion = new ReLesion() : null,
            @case.HasBlock("ccta") ? c.Ccta = new ReCcta() : null,
            @case.HasBlock("ivus") ? c.Ivus = new ReIvus() : null,
            @case.HasBlock("procedure") ? c.Procedure = new ReProcedure() : null,
        ];
        foreach (var (field, setter) in Setters)
        {
            var block = blocks[CaseSchema.BlockIndex(field.Block)];
            var x = v[field.Slot];
            if (block is null || double.IsNaN(x)) continue;
            setter(block, field.Type switch
            {
                FactType.Boolean => x != 0,
                FactType.Integer => (int)x,
                FactType.Enum => field.Values[(int)x],
                _ => x,
            });
        }
        return c;
    }

    private static readonly (FactField Field, Action<object, object> Set)[] Setters = [.. CaseSchema.Fields.Select(f =>
    {
        var type = f.Block switch
        {
            "patient" => typeof(RePatient),
            "lesion" => typeof(ReLesion),
            "ccta" => typeof(ReCcta),
            "ivus" => typeof(ReIvus),
            _ => typeof(ReProcedure),
        };
        var property = type.GetProperty(Pascal(f.Name)) ?? throw new InvalidOperationException($"ReCase has no {f.Path}");
        return (f, (Action<object, object>)((o, value) => property.SetValue(o, value)));
    })];

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
