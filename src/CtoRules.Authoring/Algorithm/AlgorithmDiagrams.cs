using System.Collections.Immutable;

namespace CtoRules.Authoring.Algorithm;

/// <summary>
/// The review's algorithm as data (shared/literature, "Figure 3" and the Central illustration):
/// panel A (crossing), panel B (lesion preparation) and the Central illustration's three steps,
/// each box linked to the rules that encode it (a test checks every id exists in rules/).
/// </summary>
public static class AlgorithmDiagrams
{
    public static AlgorithmDiagram Figure3A { get; } = new("figure-3a", "Figure 3A. Crossing strategies for heavily calcified CTOs", "figure-3a",
    [
        new("a-assess", "Dual-injection angiography", "and MSCT where available", 1, 0,
            ["imaging.dual-injection", "imaging.ccta.heavy-calcification", "imaging.ccta.meaningful-calcium", "imaging.ccta.full-moon"]),
        new("a-intraplaque", "Intraplaque tracking first", "antegrade or retrograde wire escalation", 1, 1,
            ["crossing.strategy.intraplaque-first", "crossing.algorithm.knuckle-first", "crossing.strategy.knuckle-long-tortuous", "crossing.intraplaque.penetration-tools"]),
        new("a-cap", "Proximal cap penetration", "high tip-load wire, penetrating MC, BASE", 0, 2,
            ["crossing.cap.high-tip-load-wire", "crossing.cap.penetrating-microcatheter", "crossing.cap.base"]),
        new("a-dr", "Dissection and re-entry", "failure (extraplaque): ADR or RDR", 2, 2,
            ["crossing.failed-intraplaque.adr", "crossing.failed-intraplaque.rdr", "crossing.adr.favourable-distal-vessel", "crossing.adr.unfavourable-distal-vessel", "crossing.algorithm.rdr-over-rwe", "crossing.ct-fusion.adr"]),
        new("a-device", "Device crossing", "microcatheter, balloon", 1, 3,
            ["device.table2.low-profile-balloon", "device.table2.penetrating-microcatheter", "device.table2.guide-support", "device.table2.guide-extension", "device.table2.anchor-balloon"]),
        new("a-atherectomy", "Device-uncrossable lesion", "careful rotational / orbital atherectomy", 1, 4,
            ["device.table2.rotational-laser-atherectomy", "device.table2.orbital-atherectomy", "device.table2.atherectomy-wire"]),
    ],
    [
        new("a-assess", "a-intraplaque"),
        new("a-intraplaque", "a-cap", "cap not yet penetrated"),
        new("a-intraplaque", "a-dr", "failure: extraplaque"),
        new("a-cap", "a-device", "wire crossed"),
        new("a-dr", "a-device", "wire crossed"),
        new("a-device", "a-atherectomy", "device-uncrossable"),
    ]);

    public static AlgorithmDiagram Figure3B { get; } = new("figure-3b", "Figure 3B. Lesion preparation by calcium pattern", "figure-3b",
    [
        new("b-nc", "NC balloon 1:1", "full expansion in two views?", 1, 0, ["prep.nc-balloon", "prep.unreachable.atherectomy-before-nc"]),
        new("b-des", "IVUS, then DES", "balloon fully expanded", 0, 1, ["prep.ivus.before-des", "prep.des.after-full-expansion"]),
        new("b-ivus", "IVUS characterises calcium", "balloon not fully expanded", 2, 1, ["prep.ivus.undilatable", "prep.ivus.before-modification", "imaging.ivus.angiography-underestimates-calcium"]),
        new("b-superficial", "Superficial concentric", "modified balloons, IVL, atherectomy", 0, 2,
            ["prep.superficial-concentric.balloons", "prep.superficial-concentric.ivl", "prep.superficial-concentric.atherectomy"]),
        new("b-deep", "Deep concentric", "only if the lumen is compromised: high pressure, IVL", 1, 2,
            ["prep.deep-concentric.high-pressure", "prep.deep-concentric.ivl", "prep.deep-concentric.no-lumen-compromise"]),
        new("b-eccentric", "Eccentric (incl. nodules)", "IVL with caution, atherectomy", 2, 2, ["prep.eccentric.ivl"]),
        new("b-extraplaque", "Extraplaque segment", "IVL; no atherectomy, limited pressure", 3, 2,
            ["prep.extraplaque.ivl", "prep.extraplaque.avoid-atherectomy", "prep.extraplaque.pressure-limit", "prep.extraplaque.small-burr-ra"]),
    ],
    [
        new("b-nc", "b-des", "fully expanded"),
        new("b-nc", "b-ivus", "not fully expanded"),
        new("b-ivus", "b-superficial"),
        new("b-ivus", "b-deep"),
        new("b-ivus", "b-eccentric"),
        new("b-ivus", "b-extraplaque"),
    ]);

    public static AlgorithmDiagram Central { get; } = new("central", "Central illustration. The three obstacles", "central-a",
    [
        new("c-cap", "A. Impenetrable proximal cap", "support, stiffer wires, move the cap, retrograde, Carlino, IVL", 0, 0,
            ["crossing.impenetrable-cap.support", "crossing.impenetrable-cap.stiffer-wires", "crossing.impenetrable-cap.move-the-cap",
             "crossing.impenetrable-cap.retrograde", "crossing.impenetrable-cap.carlino", "crossing.impenetrable-cap.ivl"]),
        new("c-uncrossable", "B. Uncrossable cap or lesion", "penetrating MC, low-profile balloon, BAM, support, ADR, atherectomy", 1, 0,
            ["device.table2.penetrating-microcatheter", "device.table2.low-profile-balloon", "device.table2.bam", "device.table2.guide-support",
             "device.table2.atherectomy-wire", "device.table2.adr", "device.table2.rdr", "device.table2.rotational-laser-atherectomy"]),
        new("c-undilatable", "C. Undilatable lesion", "high pressure (intraplaque), IVL, atherectomy", 2, 0,
            ["prep.undilatable.high-pressure-intraplaque", "prep.undilatable.ivl", "prep.undilatable.atherectomy"]),
    ],
    [
        new("c-cap", "c-uncrossable"),
        new("c-uncrossable", "c-undilatable"),
    ]);

    public static ImmutableArray<AlgorithmDiagram> All { get; } = [Figure3A, Figure3B, Central];
}
