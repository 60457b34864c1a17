using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Cases;
using CtoRules.CdsHooks.Cards;
using CtoRules.CdsHooks.Mapping;
using CtoRules.CdsHooks.Prefetch;
using CtoRules.Engine;
using Hl7.Fhir.Model;

namespace CtoRules.CdsHooks.Services;

/// <summary>
/// The CDS Hooks services of CtoRules as library calls: discovery, and a hook call from request
/// to cards. Two services share one advisor: <c>cto-calcium-advisor</c> on <c>order-select</c>
/// (a PCI ServiceRequest being ordered: planning advice when it matters most) and
/// <c>cto-calcium-advisor-patient-view</c> on <c>patient-view</c> (opening the chart of a patient
/// with a documented CTO, e.g. in the cath lab during the procedure).
/// </summary>
public sealed class CdsHookService(Advisor advisor, FhirMappingTable table, PrefetchResolver resolver, TimeProvider time)
{
    public const string OrderSelectServiceId = "cto-calcium-advisor";
    public const string PatientViewServiceId = "cto-calcium-advisor-patient-view";

    /// <summary>SNOMED CT 415070008 "Percutaneous coronary intervention": the orders the order-select service answers.</summary>
    public static readonly FhirCode PciProcedure = new("http://snomed.info/sct", "415070008");

    private readonly FhirCaseMapper _mapper = new(table);

    public ImmutableArray<CdsServiceDefinition> Discover()
    {
        var prefetch = PrefetchPlanner.Plan(PrefetchPlanner.PathsRead(advisor.RuleSet), table);
        var set = advisor.RuleSet.Manifest;
        const string usage = "Send a JWT as CDS Hooks 2.0 requires. Prefetch (or fhirServer with fhirAuthorization) supplies Patient, " +
            "Observations (LOINC, SNOMED CT and https://ctorules.org/fhir/CodeSystem/cto-findings), Conditions and Procedures; " +
            "alternatively context['org.ctorules.case'] carries a ctorules/case@1. Unknown facts stay unknown.";
        return
        [
            new("order-select", OrderSelectServiceId, "CTO PCI in heavy calcification: planning advice",
                $"When a percutaneous coronary intervention (SNOMED CT 415070008) is ordered for a chronic total occlusion, " +
                $"returns the {set.Id} {set.Version} advice for the patient's facts, one card per recommendation with its reasons and evidence.",
                prefetch, usage),
            new("patient-view", PatientViewServiceId, "CTO PCI in heavy calcification: advice for the current stage",
                $"When the chart of a patient with a documented chronic total occlusion is opened, returns the {set.Id} {set.Version} advice " +
                "for the current procedure stage, one card per recommendation.",
                prefetch, usage),
        ];
    }

    public bool IsKnownService(string id) => id is OrderSelectServiceId or PatientViewServiceId;

    /// <param name="siteBaseUrl">Base URL of the site; card sources link to its rule pages.</param>
    /// <exception cref="CdsRequestException">The request does not fit the service.</exception>
    public async Task<CdsHookResult> CallAsync(string serviceId, CdsRequest request, string siteBaseUrl, CancellationToken cancel)
    {
        var expectedHook = serviceId == OrderSelectServiceId ? "order-select" : "patient-view";
        if (request.Hook != expectedHook) throw new CdsRequestException("hook", $"service {serviceId} answers '{expectedHook}', not '{request.Hook}'");

        var notes = new List<string>();
        if (serviceId == OrderSelectServiceId && !SelectsPci(request, notes))
            return new CdsHookResult([], null, null, "none", [], [.. notes]);

        Case? @case;
        ImmutableArray<MappedFact> facts = [];
        string input;
        if (request.Context[CdsRequest.CaseContextField] is JsonNode caseNode)
        {
            input = "context";
            var read = CaseReader.ReadJson(caseNode.ToJsonString());
            if (!read.IsValid)
                throw new CdsRequestException($"context.{CdsRequest.CaseContextField}", string.Join("; ", read.Errors.Select(e => e.ToString())));
            @case = read.Case!;
        }
        else
        {
            input = "fhir";
            var plan = PrefetchPlanner.Plan(PrefetchPlanner.PathsRead(advisor.RuleSet), table);
            var fetched = await resolver.ResolveAsync(request, plan, cancel);
            notes.AddRange(fetched.Notes);
            var resources = fetched.Resources.Where(r => BelongsToPatient(r, request)).ToList();
            var mapping = _mapper.Map(CaseId(request.HookInstance), resources, "planning", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            notes.AddRange(mapping.Notes);
            facts = mapping.Facts;
            if (!mapping.IsValid)
            {
                notes.AddRange(mapping.Errors.Select(e => $"the mapped facts are inconsistent: {e}; no advice"));
                return new CdsHookResult([], null, null, input, facts, [.. notes]);
            }
            @case = mapping.Case!;
            // No lesion, CT or IVUS facts: no CTO is documented, and advice on nothing but
            // unknowns would be noise in a chart that is not about a CTO.
            if (!(@case.HasBlock("lesion") || @case.HasBlock("ccta") || @case.HasBlock("ivus")))
            {
                notes.Add("no chronic total occlusion is documented (no lesion, CCTA or IVUS findings); no cards");
                return new CdsHookResult([], CaseJson(@case), null, input, facts, [.. notes]);
            }
        }
        var advice = advisor.Evaluate(@case);
        var cards = CardBuilder.Build(advice, advisor.RuleSet, siteBaseUrl);
        return new CdsHookResult(cards, CaseJson(@case), advice, input, facts, [.. notes]);
    }

    /// <summary>order-select: answer only when a selected draft order is a PCI ServiceRequest.</summary>
    private static bool SelectsPci(CdsRequest request, List<string> notes)
    {
        if (request.Context[CdsRequest.CaseContextField] is not null) return true;
        var selections = request.Context["selections"] as JsonArray;
        if (request.Context["draftOrders"] is not JsonObject draft)
        {
            notes.Add("order-select without draftOrders; no cards");
            return false;
        }
        var bundle = FhirJson.Parse(draft.ToJsonString(), out var problem) as Bundle;
        if (bundle is null)
        {
            notes.Add($"context.draftOrders is not a FHIR Bundle ({problem}); no cards");
            return false;
        }
        var selected = selections?.Select(s => s?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var pci = bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>()
            .Where(sr => selected.Count == 0 || selected.Contains("ServiceRequest/" + sr.Id))
            .Any(sr => sr.Code?.Coding.Any(c => c.System == PciProcedure.System && c.Code == PciProcedure.Code) == true);
        if (!pci) notes.Add("no selected ServiceRequest is a percutaneous coronary intervention (SNOMED CT 415070008); no cards");
        return pci;
    }

    /// <summary>Drops resources of another patient (a misconfigured prefetch must not mix charts).</summary>
    private static bool BelongsToPatient(Resource r, CdsRequest request)
    {
        var patientId = request.Context["patientId"]?.GetValueKind() == JsonValueKind.String ? request.Context["patientId"]!.GetValue<string>() : null;
        if (patientId is null) return true;
        var reference = r switch
        {
            Patient p => "Patient/" + p.Id,
            Observation o => o.Subject?.Reference,
            Condition c => c.Subject?.Reference,
            Hl7.Fhir.Model.Procedure p => p.Subject?.Reference,
            _ => null,
        };
        return reference is null || reference == "Patient/" + patientId || reference.EndsWith("/Patient/" + patientId, StringComparison.Ordinal);
    }

    /// <summary>A case id from the hookInstance: case@1 ids allow letters, digits, '.', '_' and '-' (1–64).</summary>
    public static string CaseId(string hookInstance)
    {
        var safe = new string(hookInstance.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-').ToArray());
        var id = "cds-" + (safe.Length == 0 ? "call" : safe);
        return id.Length > 64 ? id[..64] : id;
    }

    private static string CaseJson(Case c)
    {
        var o = new JsonObject { ["schema"] = CaseSchema.SchemaId, ["id"] = c.Id };
        foreach (var (field, value) in c.KnownFacts())
        {
            if (o[field.Block] is not JsonObject block) o[field.Block] = block = new JsonObject();
            block[field.Name] = field.ToClr(value) switch
            {
                bool b => JsonValue.Create(b),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                var other => JsonValue.Create(other.ToString()),
            };
        }
        foreach (var b in CaseSchema.Blocks.Where(b => c.HasBlock(b) && o[b] is null)) o[b] = new JsonObject();
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
