using CtoRules.Cases;

namespace CtoRules.Benchmarks.Generation;

/// <summary>
/// A seeded generator of synthetic, valid case@1 cases with plausible joint distributions: prior
/// CABG and age raise angiographic calcification, CT calcium follows angiographic calcium, blunt
/// stumps and tortuosity follow calcification, procedure facts are consistent with the stage
/// (case@1 consistency rules), IVUS exists only after wire crossing, and every optional fact is
/// unknown with a per-field probability of 20–40%. The same seed gives the same cases.
/// </summary>
/// <remarks>
/// The proportions are plausible for a CTO registry of calcified lesions, not fitted to one:
/// they exist so that every rule and score item is exercised, fired, not fired and undecided.
/// </remarks>
public sealed class CaseGenerator(int seed = 42)
{
    private readonly Random _random = new(seed);
    private readonly double _unknownBase = 0.2;

    public int Seed { get; } = seed;

    /// <summary>Streams <paramref name="count"/> cases (lazily: memory does not grow with the count).</summary>
    public IEnumerable<Case> Generate(int count)
    {
        for (var i = 1; i <= count; i++) yield return Next($"gen-{Seed}-{i:D6}");
    }

    public Case Next(string id)
    {
        var stage = Pick(("planning", 30), ("crossing", 25), ("device-crossing", 15), ("lesion-preparation", 18), ("stent-optimisation", 12));
        var stageIndex = CaseSchema.StageOrdinal(stage);
        var b = new CaseBuilder(id, stage);

        // patient
        var age = Math.Clamp((int)Math.Round(Normal(66, 10)), 18, 110);
        var cabg = Chance(0.18);
        var givePatient = Chance(0.92);
        if (givePatient)
        {
            Maybe(() => b.Set("patient.ageYears", age));
            Maybe(() => b.Set("patient.priorCabg", cabg));
            Maybe(() => b.Set("patient.priorMi", Chance(cabg ? 0.55 : 0.35)));
            Maybe(() => b.Set("patient.egfr", Math.Round(Math.Clamp(Normal(age > 75 ? 55 : 72, 22), 5, 160), 1)), 0.15);
        }

        // lesion: calcification is more severe after CABG and with age (review, section on
        // patients with prior CABG: long-standing, calcified occlusions).
        var calcWeight = (cabg ? 2.0 : 0) + (age >= 75 ? 1.0 : 0);
        var calcification = Pick(("none", 18 - 4 * calcWeight), ("mild", 28 - 4 * calcWeight), ("moderate", 30), ("severe", 24 + 10 * calcWeight));
        var severe = calcification == "severe";
        var lengthMm = Math.Round(Math.Clamp(Math.Exp(Normal(Math.Log(severe ? 26 : 18), 0.55)), 3, 150), 1);
        if (Chance(0.97))
        {
            Maybe(() => b.Set("lesion.vessel", Pick(("RCA", 50), ("LAD", 26), ("LCX", 19), ("LM", 2), ("OTHER", 3))), 0.05);
            Maybe(() => b.Set("lesion.inStent", Chance(0.12)));
            Maybe(() => b.Set("lesion.lengthMm", lengthMm));
            Maybe(() => b.Set("lesion.durationMonths", Math.Round(Math.Clamp(3 + Exponential(cabg ? 40 : 20), 3, 600))), 0.45);
            Maybe(() => b.Set("lesion.previousFailedAttempt", Chance(0.15)));
            Maybe(() => b.Set("lesion.stump", severe ? Pick(("tapered", 35), ("blunt", 45), ("invisible", 20)) : Pick(("tapered", 60), ("blunt", 30), ("invisible", 10))));
            Maybe(() => b.Set("lesion.proximalCapAmbiguous", Chance(0.2)));
            Maybe(() => b.Set("lesion.bendOver45", Chance(0.3)));
            Maybe(() => b.Set("lesion.tortuosity", Pick(("none", 30), ("mild", 30), ("moderate", 22), ("severe", severe ? 14 : 8), ("unseen", 4))));
            Maybe(() => b.Set("lesion.calcification", calcification), 0.1);
            Maybe(() => b.Set("lesion.interventionalCollaterals", Chance(cabg ? 0.45 : 0.6)));
            Maybe(() => b.Set("lesion.sideBranchAtProximalCap", Chance(0.35)));
            Maybe(() => b.Set("lesion.multipleOcclusions", Chance(0.1)));
            Maybe(() => b.Set("lesion.distalVesselDiameterMm", Math.Round(Math.Clamp(Normal(2.7, 0.5), 1, 5), 1)));
            Maybe(() => b.Set("lesion.distalVesselCalcified", Chance(severe ? 0.4 : 0.15)));
        }

        // ccta: more often done when calcium or CABG is expected; CT calcium follows the angiogram.
        if (Chance(cabg || severe ? 0.5 : 0.3))
        {
            b.Block("ccta");
            var csa = Math.Round(Math.Clamp(Normal(calcification switch { "none" => 5, "mild" => 25, "moderate" => 42, _ => 68 }, 18), 0, 100));
            if (calcification != "none" && Chance(0.08)) csa = 100; // "full moon" (never with no angiographic calcium: the case would be inconsistent)
            Maybe(() => b.Set("ccta.maxCalciumCsaPct", csa));
            Maybe(() => b.Set("ccta.maxCalciumArcDeg", Math.Round(Math.Clamp(csa * 3.2 + Normal(0, 40), 0, 360))));
            Maybe(() => b.Set("ccta.bluntStump", Chance(severe ? 0.45 : 0.25)));
            Maybe(() => b.Set("ccta.bendOver45", Chance(0.3)));
            Maybe(() => b.Set("ccta.lengthMm", Math.Round(Math.Clamp(lengthMm + Normal(2, 5), 1, 200), 1)));
            Maybe(() => b.Set("ccta.sideBranchAtProximalCap", Chance(0.35)));
        }

        // procedure: facts consistent with the stage (case@1 consistency rules).
        bool? wireCrossed = stageIndex switch
        {
            0 => Chance(0.7) ? false : null,
            1 => Chance(0.85) ? false : true,
            _ => true,
        };
        if (wireCrossed is { } w) Maybe(() => b.Set("procedure.wireCrossed", w), stageIndex >= 3 ? 0.1 : 0.25);
        var cap = stageIndex switch
        {
            0 => "not-attempted",
            1 => Pick(("not-attempted", 20), ("penetrated", 45), ("impenetrable", 35)),
            _ => "penetrated",
        };
        Maybe(() => b.Set("procedure.proximalCap", cap));
        if (stageIndex >= 1 && cap != "not-attempted" || stageIndex >= 2)
            Maybe(() => b.Set("procedure.tracking", Pick(("intraplaque", 60), ("extraplaque", 40))));
        string? device = stageIndex switch
        {
            0 or 1 => wireCrossed == true ? "not-attempted" : Chance(0.5) ? "not-attempted" : null,
            2 => Pick(("not-attempted", 25), ("crossed", 30), ("uncrossable", 45)),
            3 => Pick(("crossed", 85), ("uncrossable", 15)),
            _ => "crossed",
        };
        if (device is not null) Maybe(() => b.Set("procedure.deviceCrossing", device), 0.15);
        if (device == "crossed" && stageIndex >= 3)
            Maybe(() => b.Set("procedure.balloonExpansion", stageIndex == 3 ? Pick(("not-attempted", 30), ("full", 35), ("incomplete", 35)) : Pick(("full", 70), ("incomplete", 30))));
        else if (device is not null && Chance(0.5))
            b.Set("procedure.balloonExpansion", "not-attempted");
        if (stageIndex >= 2) Maybe(() => b.Set("procedure.ivlDeliverable", Chance(0.7)));
        Maybe(() => b.Set("procedure.contrastLimited", Chance(0.15)));
        if (stageIndex == 4) Maybe(() => b.Set("procedure.stentImplanted", Chance(0.6)));

        // ivus: only after the wire has crossed.
        if (wireCrossed == true && Chance(0.6))
        {
            b.Block("ivus");
            var arc = Math.Round(Math.Clamp(Normal(severe ? 250 : 150, 70), 0, 360));
            Maybe(() => b.Set("ivus.calciumArcDeg", arc));
            Maybe(() => b.Set("ivus.calciumDepth", Pick(("superficial", 65), ("deep", 35))));
            Maybe(() => b.Set("ivus.calciumDistribution", arc >= 270 ? Pick(("concentric", 80), ("eccentric", 20)) : Pick(("concentric", 30), ("eccentric", 70))));
            Maybe(() => b.Set("ivus.calcifiedNodule", Chance(0.2)));
            Maybe(() => b.Set("ivus.lumenCompromised", Chance(severe ? 0.55 : 0.3)));
        }
        return b.Build();
    }

    /// <summary>Sets a fact unless it is drawn as unknown (20–40% per fact unless told).</summary>
    private void Maybe(Action set, double? unknown = null)
    {
        var p = unknown ?? _unknownBase + 0.2 * _random.NextDouble();
        if (_random.NextDouble() >= p) set();
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(params (string Value, double Weight)[] choices)
    {
        var total = 0.0;
        foreach (var c in choices) total += Math.Max(0, c.Weight);
        var x = _random.NextDouble() * total;
        foreach (var c in choices)
        {
            x -= Math.Max(0, c.Weight);
            if (x < 0) return c.Value;
        }
        return choices[^1].Value;
    }

    private double Normal(double mean, double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());
}
