using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CtoRules.Advice;

/// <summary>
/// <c>ctorules/vocabulary@1</c> (shared/contract/vocabulary.md): the kinds of advice and the
/// action codes. Codes are stable: new ones may be added, none is reused for another meaning.
/// </summary>
public static class Vocabulary
{
    public const string Recommend = "recommend";
    public const string Consider = "consider";
    public const string Avoid = "avoid";
    public const string Caution = "caution";
    public const string Note = "note";

    public static readonly ImmutableArray<string> Kinds = [Recommend, Consider, Avoid, Caution, Note];

    /// <summary>Action codes with their meaning, in the vocabulary's order.</summary>
    public static readonly ImmutableArray<(string Code, string Group, string Meaning)> Actions =
    [
        ("DUAL-INJECTION", "imaging", "dual-injection angiographic assessment"),
        ("CCTA", "imaging", "pre-procedural coronary CT angiography"),
        ("CT-FUSION", "imaging", "real-time CCTA–fluoroscopy co-registration"),
        ("IVUS", "imaging", "intravascular ultrasound"),
        ("OCT", "imaging", "optical coherence tomography"),
        ("CONTRAST-SPARING", "imaging", "limit contrast volume"),
        ("AWE", "crossing", "antegrade wire escalation (intraplaque)"),
        ("RWE", "crossing", "retrograde wire escalation"),
        ("ADR", "crossing", "antegrade dissection and re-entry"),
        ("RDR", "crossing", "retrograde dissection and re-entry (reverse CART)"),
        ("HIGH-TIP-LOAD-WIRE", "crossing", "high tip-load / progressively stiffer guidewires"),
        ("SUPPORT-ENHANCEMENT", "crossing", "enhanced guiding-catheter support (large lumen, Amplatz shape)"),
        ("PENETRATING-MC", "crossing", "metallic-tip screwable microcatheter (Tornus, Turnpike Gold/Spiral)"),
        ("BASE", "crossing", "balloon-assisted subintimal entry (incl. side-BASE)"),
        ("POWER-KNUCKLE", "crossing", "power knuckle"),
        ("KNUCKLE", "crossing", "polymer-jacketed knuckle wiring in the extraplaque space"),
        ("MOVE-THE-CAP", "crossing", "move-the-cap techniques"),
        ("CARLINO", "crossing", "Carlino technique (contrast micro-injection into the cap)"),
        ("RETROGRADE", "crossing", "retrograde-based strategies"),
        ("LOW-PROFILE-BALLOON", "device-uncrossable", "low-profile balloon (< 1.5 mm)"),
        ("GUIDE-EXTENSION", "device-uncrossable", "guide extension catheter"),
        ("ANCHOR-BALLOON", "device-uncrossable", "anchoring balloon"),
        ("BAM", "device-uncrossable", "balloon-assisted microdissection (1.25–1.50 mm balloon inflated to rupture)"),
        ("ATHERECTOMY-WIRE", "device-uncrossable", "exchange to a wire intended for atherectomy after advancing the microcatheter"),
        ("NC-BALLOON", "lesion-preparation", "non-compliant balloon sized 1:1, full expansion checked in two views"),
        ("OPN-BALLOON", "lesion-preparation", "very high (ultra-high) pressure non-compliant balloon"),
        ("CUTTING-BALLOON", "lesion-preparation", "cutting balloon"),
        ("SCORING-BALLOON", "lesion-preparation", "scoring balloon"),
        ("IVL", "lesion-preparation", "intravascular lithotripsy"),
        ("RA", "lesion-preparation", "rotational atherectomy"),
        ("RA-SMALL-BURR", "lesion-preparation", "rotational atherectomy with small burrs (< 1.5 mm) at the intra-/extraplaque transition zone"),
        ("OA", "lesion-preparation", "orbital atherectomy"),
        ("ELCA", "lesion-preparation", "excimer laser coronary atherectomy"),
        ("HIGH-PRESSURE-DILATATION", "lesion-preparation", "very high dilatation pressure (≥ 14 atm)"),
        ("DES", "lesion-preparation", "drug-eluting stent implantation"),
        ("STENT-OPTIMISATION", "lesion-preparation", "intravascular-imaging-guided stent optimisation"),
    ];

    public static readonly FrozenSet<string> ActionCodes = Actions.Select(a => a.Code).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKind(string kind) => Kinds.Contains(kind);

    public static bool IsAction(string code) => ActionCodes.Contains(code);
}
