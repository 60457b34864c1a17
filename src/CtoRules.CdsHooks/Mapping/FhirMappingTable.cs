using System.Collections.Immutable;
using CtoRules.Cases;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CtoRules.CdsHooks.Mapping;

/// <summary>
/// The FHIR R4 → case@1 mapping as data: <c>Mapping/fhir-mapping.yaml</c>, shipped inside the
/// assembly. Every path is checked against <see cref="CaseSchema"/> when the table is read, so a
/// typo in the table fails at start-up, not at a patient's bedside.
/// </summary>
public sealed class FhirMappingTable
{
    /// <summary>The project's own CodeSystem for findings with no LOINC or SNOMED CT code.</summary>
    public const string CtoFindingsSystem = "https://ctorules.org/fhir/CodeSystem/cto-findings";

    private static readonly Lazy<FhirMappingTable> Shipped = new(() =>
    {
        using var stream = typeof(FhirMappingTable).Assembly.GetManifestResourceStream("fhir-mapping.yaml")
            ?? throw new InvalidOperationException("fhir-mapping.yaml is not embedded in CtoRules.CdsHooks");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private FhirMappingTable(ImmutableArray<FhirMapping> entries) => Entries = entries;

    public ImmutableArray<FhirMapping> Entries { get; }

    /// <summary>The table shipped with the service.</summary>
    public static FhirMappingTable Default => Shipped.Value;

    /// <summary>Entries that fill a case path, or every path of a block when given a block name.</summary>
    public IEnumerable<FhirMapping> ForPath(string pathOrBlock) =>
        CaseSchema.IsBlock(pathOrBlock)
            ? Entries.Where(e => e.Path.StartsWith(pathOrBlock + ".", StringComparison.Ordinal))
            : Entries.Where(e => e.Path == pathOrBlock);

    /// <summary>Reads a table; throws <see cref="FormatException"/> naming the entry on any error.</summary>
    public static FhirMappingTable Parse(string yaml)
    {
        var doc = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<TableDto>(yaml) ?? throw new FormatException("the mapping table is empty");
        var systems = doc.Systems ?? [];
        var entries = ImmutableArray.CreateBuilder<FhirMapping>();
        var i = 0;
        foreach (var e in doc.Entries ?? [])
        {
            var where = $"entries[{i++}] ({e.Path})";
            var field = CaseSchema.Find(e.Path ?? "") ?? throw new FormatException($"{where}: '{e.Path}' is not a case@1 path");
            if (!Enum.TryParse<FhirValueKind>(e.Value, ignoreCase: true, out var kind))
                throw new FormatException($"{where}: value '{e.Value}' is not one of quantity, boolean, code, presence, birthDate");
            if (e.Resource is not ("Patient" or "Observation" or "Condition" or "Procedure"))
                throw new FormatException($"{where}: resource '{e.Resource}' is not Patient, Observation, Condition or Procedure");
            var codes = (e.Codes ?? []).Select(c =>
            {
                var hash = c.IndexOf('#');
                if (hash <= 0 || !systems.TryGetValue(c[..hash], out var system))
                    throw new FormatException($"{where}: code '{c}' is not alias#code with an alias under systems");
                return new FhirCode(system, c[(hash + 1)..]);
            }).ToImmutableArray();
            if (codes.IsEmpty && kind != FhirValueKind.BirthDate) throw new FormatException($"{where}: needs at least one code");
            if (kind == FhirValueKind.Quantity && (e.Units is null || e.Units.Count == 0))
                throw new FormatException($"{where}: a quantity needs its units");
            var typeOk = kind switch
            {
                FhirValueKind.Quantity or FhirValueKind.BirthDate => field.Type is FactType.Number or FactType.Integer,
                FhirValueKind.Code => field.Type == FactType.Enum,
                _ => field.Type == FactType.Boolean,
            };
            if (!typeOk) throw new FormatException($"{where}: {kind} cannot fill {field.Path} ({field.Type})");
            entries.Add(new FhirMapping(field.Path, e.Resource, codes, kind,
                (e.Units ?? []).ToImmutableDictionary(StringComparer.Ordinal)));
        }
        return new FhirMappingTable(entries.ToImmutable());
    }

    private sealed class TableDto
    {
        public Dictionary<string, string>? Systems { get; set; }
        public List<EntryDto>? Entries { get; set; }
    }

    private sealed class EntryDto
    {
        public string? Path { get; set; }
        public string? Resource { get; set; }
        public List<string>? Codes { get; set; }
        public string? Value { get; set; }
        public Dictionary<string, double>? Units { get; set; }
    }
}
