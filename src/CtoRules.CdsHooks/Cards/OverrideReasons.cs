using System.Collections.Immutable;

namespace CtoRules.CdsHooks.Cards;

/// <summary>
/// The reasons a clinician can give for not following a card, as codings of the project's own
/// CodeSystem (no standard code set exists for them). They are the reasons CTO operators give in
/// practice: the anatomy in front of them, what the lab has, their own judgement and experience,
/// the patient's choice, or advice that does not fit the facts.
/// </summary>
public static class OverrideReasons
{
    public const string System = "https://ctorules.org/fhir/CodeSystem/cto-override-reasons";

    public static readonly ImmutableArray<CdsCoding> All =
    [
        new(System, "patient-anatomy", "Patient-specific anatomy"),
        new(System, "device-unavailable", "Device not available in this lab"),
        new(System, "operator-judgement", "Operator judgement"),
        new(System, "operator-experience", "Operator experience with the technique"),
        new(System, "patient-preference", "Patient preference"),
        new(System, "facts-incorrect", "The facts shown are wrong or out of date"),
        new(System, "already-done", "Already done or already planned"),
    ];
}
