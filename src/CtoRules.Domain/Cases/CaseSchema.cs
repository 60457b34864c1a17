using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CtoRules.Cases;

/// <summary>
/// The catalogue of <c>ctorules/case@1</c> facts (shared/contract/case.schema.json). It is the one
/// place that knows the case's shape: the reader validates against it, the rule language binds
/// paths against it and the engine stores facts by its slots.
/// </summary>
public static class CaseSchema
{
    public const string SchemaId = "ctorules/case@1";
    public const int MaxInputBytes = 1024 * 1024;

    /// <summary>The blocks of a case, in contract order.</summary>
    public static readonly ImmutableArray<string> Blocks = ["patient", "lesion", "ccta", "ivus", "procedure"];

    /// <summary>The stages of a procedure, in the order a procedure passes through them.</summary>
    public static readonly ImmutableArray<string> Stages =
        ["planning", "crossing", "device-crossing", "lesion-preparation", "stent-optimisation"];

    /// <summary>
    /// When each fact can be obtained, as data: CCTA is imaging before the procedure; IVUS of the
    /// occluded segment needs a wire across it; each procedure result exists from the stage that
    /// produces it. Facts not named here (patient, angiographic lesion facts, stage, contrast) can
    /// be obtained at every stage.
    /// </summary>
    // Before Fields: static fields initialise in text order, and Build reads this table.
    private static readonly (string PathOrBlock, string From, string Until)[] Knowable =
    [
        ("ccta", "planning", "planning"),
        ("ivus", "device-crossing", "stent-optimisation"),
        ("procedure.proximalCap", "crossing", "stent-optimisation"),
        ("procedure.wireCrossed", "crossing", "stent-optimisation"),
        ("procedure.tracking", "crossing", "stent-optimisation"),
        ("procedure.deviceCrossing", "device-crossing", "stent-optimisation"),
        ("procedure.balloonExpansion", "lesion-preparation", "stent-optimisation"),
        ("procedure.ivlDeliverable", "lesion-preparation", "stent-optimisation"),
        ("procedure.stentImplanted", "stent-optimisation", "stent-optimisation"),
    ];

    public static readonly ImmutableArray<FactField> Fields = Build();

    /// <summary>
    /// Fields CtoRules adds to case@1, additively (docs/contract-extensions.md): a case without them
    /// is read as the contract says, and the contract's schema has every other field.
    /// </summary>
    public static readonly ImmutableArray<string> Extensions = ["lesion.durationUndeterminable"];

    private static readonly FrozenDictionary<string, FactField> ByPath =
        Fields.ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);

    public static int SlotCount => Fields.Length;

    /// <summary>The field at a dotted path, or null.</summary>
    public static FactField? Find(string path) => ByPath.GetValueOrDefault(path);

    public static bool IsBlock(string name) => Blocks.Contains(name);

    public static int BlockIndex(string block) => Blocks.IndexOf(block);

    public static int StageOrdinal(string stage) => Stages.IndexOf(stage);

    /// <summary>The slot of <c>procedure.stage</c>, which every valid case has.</summary>
    public static FactField Stage { get; } = Find("procedure.stage")!;

    /// <summary>
    /// Whether a missing fact, named by its path or by its block (when the whole block is absent),
    /// can be obtained at <paramref name="stage"/>: a block can when any of its facts can.
    /// </summary>
    public static bool IsKnowableAt(string pathOrBlock, string stage) =>
        Find(pathOrBlock) is { } field
            ? field.IsKnowableAt(stage)
            : Fields.Any(f => f.Block == pathOrBlock && f.IsKnowableAt(stage));

    private static FactField WithKnowability(FactField f)
    {
        foreach (var (at, from, until) in Knowable)
            if (at == f.Path || at == f.Block) return f with { KnowableFrom = from, KnowableUntil = until };
        return f;
    }

    private static ImmutableArray<FactField> Build()
    {
        var list = new List<FactField>();
        void Bool(string block, string name, string meaning) =>
            list.Add(new FactField(list.Count, block, name, FactType.Boolean, null, null, [], meaning));
        // step: the resolution a measurement is reported in (degrees, %, mm, months: whole units;
        // vessel diameters: tenths of a millimetre).
        void Num(string block, string name, double min, double max, string meaning, bool integer = false, double step = 1) =>
            list.Add(new FactField(list.Count, block, name, integer ? FactType.Integer : FactType.Number, min, max, [], meaning) { Step = step });
        void Enum(string block, string name, string meaning, params string[] values) =>
            list.Add(new FactField(list.Count, block, name, FactType.Enum, null, null, [.. values], meaning));

        Num("patient", "ageYears", 18, 110, "age", integer: true);
        Bool("patient", "priorCabg", "previous coronary artery bypass grafting");
        Bool("patient", "priorMi", "previous myocardial infarction");
        Num("patient", "egfr", 0, 200, "eGFR, mL/min/1.73 m²");

        Enum("lesion", "vessel", "occluded vessel", "LAD", "LCX", "RCA", "LM", "OTHER");
        Bool("lesion", "inStent", "in-stent occlusion");
        Num("lesion", "lengthMm", 0, 300, "occlusion length");
        Num("lesion", "durationMonths", 0, 600, "occlusion duration");
        Bool("lesion", "durationUndeterminable", "the occlusion's duration cannot be determined (an additive extension of case@1)");
        Bool("lesion", "previousFailedAttempt", "a previous attempt at this CTO failed (re-try lesion)");
        Enum("lesion", "stump", "proximal stump anatomy", "tapered", "blunt", "invisible");
        Bool("lesion", "proximalCapAmbiguous", "proximal cap location ambiguous");
        Bool("lesion", "bendOver45", "bending > 45° within the occluded segment");
        Enum("lesion", "tortuosity", "tortuosity up to and within the CTO", "none", "mild", "moderate", "severe", "unseen");
        Enum("lesion", "calcification", "angiographic calcification within the CTO segment", "none", "mild", "moderate", "severe");
        Bool("lesion", "interventionalCollaterals", "collaterals usable for a retrograde approach exist");
        Bool("lesion", "sideBranchAtProximalCap", "a side branch arises at the proximal cap");
        Bool("lesion", "multipleOcclusions", "more than one occlusion in the target vessel");
        Num("lesion", "distalVesselDiameterMm", 0, 8, "reference diameter of the distal vessel", step: 0.1);
        Bool("lesion", "distalVesselCalcified", "the distal landing/re-entry zone is significantly calcified");

        Num("ccta", "maxCalciumCsaPct", 0, 100, "largest share of the cross-sectional area occupied by calcium");
        Num("ccta", "maxCalciumArcDeg", 0, 360, "largest encircling arc of calcium");
        Bool("ccta", "bluntStump", "blunt proximal entry on CT");
        Bool("ccta", "bendOver45", "bending > 45° on CT");
        Num("ccta", "lengthMm", 0, 300, "occlusion length on CT");
        Bool("ccta", "sideBranchAtProximalCap", "side branch at the proximal entry on CT");

        Num("ivus", "calciumArcDeg", 0, 360, "maximal calcium arc");
        Enum("ivus", "calciumDepth", "depth of the calcium", "superficial", "deep");
        Enum("ivus", "calciumDistribution", "calcium distribution", "concentric", "eccentric");
        Bool("ivus", "calcifiedNodule", "calcified nodule present");
        Bool("ivus", "lumenCompromised", "calcium reduces the lumen significantly");

        Enum("procedure", "stage", "where the procedure stands", [.. Stages]);
        Enum("procedure", "proximalCap", "result of attempts at the proximal cap", "not-attempted", "penetrated", "impenetrable");
        Bool("procedure", "wireCrossed", "a guidewire has crossed the occlusion");
        Enum("procedure", "tracking", "where the wire tracks through the occluded segment", "intraplaque", "extraplaque");
        Enum("procedure", "deviceCrossing", "microcatheter/balloon crossing after wire crossing", "not-attempted", "crossed", "uncrossable");
        Enum("procedure", "balloonExpansion", "NC balloon (1:1) expansion in two views", "not-attempted", "full", "incomplete");
        Bool("procedure", "ivlDeliverable", "an IVL balloon can be delivered");
        Bool("procedure", "contrastLimited", "contrast must be kept low");
        Bool("procedure", "stentImplanted", "a drug-eluting stent has been implanted");
        return [.. list.Select(WithKnowability)];
    }
}
