using System.Collections.Immutable;
using CtoRules.Cases;

namespace CtoRules.CdsHooks.Mapping;

/// <summary>
/// The result of mapping FHIR resources to a case: the case (null when the facts are
/// inconsistent), the facts set with the resource each came from, and notes on everything that
/// was ignored (unknown codes, units, statuses) so that nothing is dropped silently.
/// </summary>
public sealed record CaseMapping(
    Case? Case,
    ImmutableArray<MappedFact> Facts,
    ImmutableArray<string> Notes,
    ImmutableArray<CaseError> Errors)
{
    public bool IsValid => Case is not null;
}

/// <summary>A case fact read from a FHIR resource (e.g. <c>Observation/egfr-1</c>).</summary>
public sealed record MappedFact(string Path, string Value, string Source);
