using System.Collections.Immutable;

namespace CtoRules.CdsHooks.Mapping;

/// <summary>How an entry of the mapping table reads its value (see fhir-mapping.yaml).</summary>
public enum FhirValueKind { Quantity, Boolean, Code, Presence, BirthDate }

/// <summary>A coding: a system URL and a code.</summary>
public sealed record FhirCode(string System, string Code)
{
    public override string ToString() => System + "|" + Code;
}

/// <summary>One row of the mapping table: which FHIR codes of which resource fill which case path, and how.</summary>
public sealed record FhirMapping(
    string Path,
    string Resource,
    ImmutableArray<FhirCode> Codes,
    FhirValueKind Value,
    ImmutableDictionary<string, double> Units)
{
    public bool Matches(string? system, string? code) => Codes.Any(c => c.System == system && c.Code == code);
}
