using System.Collections.Immutable;
using System.Globalization;
using CtoRules.Cases;
using Hl7.Fhir.Model;

namespace CtoRules.CdsHooks.Mapping;

/// <summary>
/// Maps FHIR R4 resources to a <c>ctorules/case@1</c> with a <see cref="FhirMappingTable"/>.
/// Absent resources leave facts unknown (never "no"); when several resources give the same fact
/// the most recent one wins and the others are noted.
/// </summary>
public sealed class FhirCaseMapper(FhirMappingTable table)
{
    public FhirMappingTable Table => table;

    /// <param name="caseId">The case id (a request's hookInstance, made safe).</param>
    /// <param name="defaultStage">The stage when no resource gives <c>procedure.stage</c>.</param>
    /// <param name="today">The day ages are computed on.</param>
    public CaseMapping Map(string caseId, IEnumerable<Resource> resources, string defaultStage, DateOnly today)
    {
        var notes = new List<string>();
        var candidates = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        void Offer(FhirMapping m, double value, DateTimeOffset? when, string source) =>
            (candidates.TryGetValue(m.Path, out var list) ? list : candidates[m.Path] = []).Add(new Candidate(m, value, when, source));

        foreach (var resource in resources)
        {
            var source = $"{resource.TypeName}/{resource.Id ?? "(no id)"}";
            try
            {
                switch (resource)
                {
                    case Patient p: MapPatient(p, source, today, Offer, notes); break;
                    case Observation o: MapObservation(o, source, Offer, notes); break;
                    case Condition c: MapCondition(c, source, Offer, notes); break;
                    case Hl7.Fhir.Model.Procedure pr: MapProcedure(pr, source, Offer, notes); break;
                    case OperationOutcome oo:
                        notes.Add($"{source}: an OperationOutcome in place of a resource ({Describe(oo)}); its facts stay unknown");
                        break;
                    default:
                        notes.Add($"{source}: resource type {resource.TypeName} is not mapped; ignored");
                        break;
                }
            }
            catch (Hl7.Fhir.Validation.CodedValidationException e)
            {
                // Firely keeps a resource with an invalid code (status "fin970al") and throws only
                // when the element is read: the resource is unusable, not the request (found by fuzzing).
                notes.Add($"{source}: {e.Message}; the resource is ignored");
            }
        }

        var builder = new CaseBuilder(caseId, defaultStage);
        var facts = ImmutableArray.CreateBuilder<MappedFact>();
        foreach (var (path, list) in candidates.OrderBy(c => CaseSchema.Find(c.Key)!.Slot))
        {
            var field = CaseSchema.Find(path)!;
            // Most recent first; a resource without a date counts as the oldest.
            var ordered = list.OrderByDescending(c => c.When ?? DateTimeOffset.MinValue).ToList();
            var chosen = ordered[0];
            foreach (var other in ordered.Skip(1).Where(o => o.Value != chosen.Value))
                notes.Add($"{other.Source}: {path} = {field.Render(other.Value)} is older than {chosen.Source} ({field.Render(chosen.Value)}); the latest is used");
            try
            {
                if (field.Type == FactType.Boolean) builder.Set(path, chosen.Value != 0);
                else if (field.Type == FactType.Enum) builder.Set(path, field.Values[(int)chosen.Value]);
                else builder.Set(path, field.Type == FactType.Integer ? Math.Floor(chosen.Value) : Math.Round(chosen.Value, 4));
                facts.Add(new MappedFact(path, field.Render(chosen.Value), chosen.Source));
            }
            catch (ArgumentException e)
            {
                notes.Add($"{chosen.Source}: {e.Message.Split(" (Parameter")[0]}; the fact stays unknown");
            }
        }

        try
        {
            return new CaseMapping(builder.Build(), facts.ToImmutable(), [.. notes], []);
        }
        catch (InvalidCaseException e)
        {
            return new CaseMapping(null, facts.ToImmutable(), [.. notes], [.. e.Errors]);
        }
    }

    private void MapPatient(Patient p, string source, DateOnly today, Action<FhirMapping, double, DateTimeOffset?, string> offer, List<string> notes)
    {
        var m = table.Entries.FirstOrDefault(e => e.Value == FhirValueKind.BirthDate);
        if (m is null) return;
        if (string.IsNullOrEmpty(p.BirthDate))
        {
            notes.Add($"{source}: no birthDate; {m.Path} stays unknown");
            return;
        }
        // A partial date (year or year-month) gives an age only when it cannot be off by one.
        var parts = p.BirthDate.Split('-');
        if (parts.Length < 3 || !DateOnly.TryParseExact(p.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            notes.Add($"{source}: birthDate '{p.BirthDate}' is not a full date; {m.Path} stays unknown");
            return;
        }
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        offer(m, age, null, source);
    }

    private void MapObservation(Observation o, string source, Action<FhirMapping, double, DateTimeOffset?, string> offer, List<string> notes)
    {
        if (Find("Observation", o.Code, source, notes) is not { } m) return;
        if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected or ObservationStatus.Preliminary))
        {
            notes.Add($"{source}: status {o.Status?.ToString() ?? "(none)"}; ignored for {m.Path}");
            return;
        }
        var when = Effective(o);
        var field = CaseSchema.Find(m.Path)!;
        switch (m.Value)
        {
            case FhirValueKind.Quantity when o.Value is Quantity q && q.Value is { } v:
                var unit = q.Code ?? q.Unit ?? "";
                if (!m.Units.TryGetValue(unit, out var factor))
                {
                    notes.Add($"{source}: unit '{unit}' for {m.Path} is not one of {string.Join(", ", m.Units.Keys)}; ignored");
                    return;
                }
                offer(m, (double)v * factor, when, source);
                break;
            case FhirValueKind.Boolean when o.Value is FhirBoolean b && b.Value is { } flag:
                offer(m, flag ? 1 : 0, when, source);
                break;
            case FhirValueKind.Code when o.Value is CodeableConcept cc:
                var coding = cc.Coding.FirstOrDefault(c => c.System == FhirMappingTable.CtoFindingsSystem && c.Code is not null && field.Values.Contains(c.Code));
                if (coding is null)
                {
                    notes.Add($"{source}: no {FhirMappingTable.CtoFindingsSystem} coding with a value of {m.Path} ({string.Join(", ", field.Values)}); ignored");
                    return;
                }
                offer(m, field.Encode(coding.Code!), when, source);
                break;
            default:
                notes.Add($"{source}: {m.Path} needs a {m.Value.ToString().ToLowerInvariant()} value, found {o.Value?.TypeName ?? "none"}; ignored");
                break;
        }
    }

    private void MapCondition(Condition c, string source, Action<FhirMapping, double, DateTimeOffset?, string> offer, List<string> notes)
    {
        if (Find("Condition", c.Code, source, notes) is not { } m) return;
        var verification = c.VerificationStatus?.Coding.FirstOrDefault()?.Code;
        switch (verification)
        {
            case "refuted":
                // A refuted diagnosis is an explicit "no": the only way a Condition says false.
                offer(m, 0, RecordedOrOnset(c), source);
                break;
            case null or "confirmed" or "unconfirmed":
                offer(m, 1, RecordedOrOnset(c), source);
                break;
            default:
                notes.Add($"{source}: verificationStatus {verification}; {m.Path} is not decided by it");
                break;
        }
    }

    private void MapProcedure(Hl7.Fhir.Model.Procedure p, string source, Action<FhirMapping, double, DateTimeOffset?, string> offer, List<string> notes)
    {
        if (Find("Procedure", p.Code, source, notes) is not { } m) return;
        if (p.Status != EventStatus.Completed)
        {
            // not-done or in-progress says nothing about a past operation: unknown, not "no".
            notes.Add($"{source}: status {p.Status?.ToString() ?? "(none)"}; {m.Path} is not decided by it");
            return;
        }
        offer(m, 1, null, source);
    }

    /// <summary>The table row for a resource's code, or null with a note: an unknown code is ignored, never guessed.</summary>
    private FhirMapping? Find(string resource, CodeableConcept? code, string source, List<string> notes)
    {
        var codings = code?.Coding ?? [];
        var m = table.Entries.FirstOrDefault(e => e.Resource == resource && codings.Any(c => e.Matches(c.System, c.Code)));
        if (m is null) notes.Add($"{source}: code {string.Join(", ", codings.Select(c => c.System + "|" + c.Code))} is not in the mapping table; ignored");
        return m;
    }

    private static DateTimeOffset? Effective(Observation o) => o.Effective switch
    {
        FhirDateTime d => Instant(d.Value),
        Period { EndElement: { } end } => Instant(end.Value),
        _ => o.Issued,
    };

    private static DateTimeOffset? RecordedOrOnset(Condition c) => Instant(c.RecordedDate);

    /// <summary>A FHIR dateTime (possibly only a date) as an instant; a date without a zone counts as UTC.</summary>
    private static DateTimeOffset? Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    internal static string Describe(OperationOutcome oo) =>
        string.Join("; ", oo.Issue.Select(i => $"{i.Severity?.ToString().ToLowerInvariant()}: {i.Diagnostics ?? i.Details?.Text ?? i.Code?.ToString()}"));

    private sealed record Candidate(FhirMapping Mapping, double Value, DateTimeOffset? When, string Source);
}
