using System.Collections.Immutable;
using CtoRules.CdsHooks.Mapping;
using CtoRules.Language.Rules;

namespace CtoRules.CdsHooks.Prefetch;

/// <summary>
/// Derives the prefetch templates from the rules' data needs: the case paths the loaded rule set
/// reads (every rule's condition, derived facts included) → the mapping entries that fill them →
/// one FHIR query per resource type. A rule that starts to read a new fact adds its codes here,
/// so discovery follows the knowledge base without anyone editing a template.
/// </summary>
public static class PrefetchPlanner
{
    public const string PatientKey = "patient";
    public const string ObservationsKey = "observations";
    public const string ConditionsKey = "conditions";
    public const string ProceduresKey = "procedures";

    /// <summary>The case paths (and blocks) a rule set reads, sorted.</summary>
    public static ImmutableArray<string> PathsRead(RuleSet set) =>
        [.. set.Rules.SelectMany(r => r.Condition.CasePaths()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Prefetch key → FHIR query template (CDS Hooks prefetch tokens), for the paths given.</summary>
    public static ImmutableSortedDictionary<string, string> Plan(IEnumerable<string> paths, FhirMappingTable table)
    {
        var entries = paths.SelectMany(table.ForPath).Distinct().ToList();
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (entries.Any(e => e.Resource == "Patient")) result[PatientKey] = "Patient/{{context.patientId}}";
        void Search(string key, string resource)
        {
            var codes = entries.Where(e => e.Resource == resource).SelectMany(e => e.Codes)
                .Select(c => c.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (codes.Count > 0) result[key] = $"{resource}?patient={{{{context.patientId}}}}&code={string.Join(",", codes)}";
        }
        Search(ObservationsKey, "Observation");
        Search(ConditionsKey, "Condition");
        Search(ProceduresKey, "Procedure");
        return result.ToImmutable();
    }

    /// <summary>Fills the tokens of a template from the request context (<c>{{context.patientId}}</c>, …).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> context)
    {
        var result = template;
        foreach (var (name, value) in context)
            result = result.Replace("{{context." + name + "}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        return result;
    }
}
