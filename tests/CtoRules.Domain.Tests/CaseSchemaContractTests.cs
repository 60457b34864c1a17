using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>
/// <see cref="CaseSchema"/> is a hand-written copy of shared/contract/case.schema.json; this test
/// keeps the two identical so that the reader never drifts from the published contract.
/// </summary>
public class CaseSchemaContractTests
{
    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(ContractFiles.PathOf("case.schema.json")))!.AsObject();

    private static JsonObject Properties(JsonNode node) => node["properties"]!.AsObject();

    private static string[] Required(JsonNode node) =>
        node["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    [Fact]
    public void Top_level_matches()
    {
        Schema["type"]!.GetValue<string>().Should().Be("object");
        Schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        Required(Schema).Should().Equal("schema", "id", "procedure");
        Properties(Schema).Select(p => p.Key).Should().Equal(["schema", "id", "description", .. CaseSchema.Blocks]);
        Properties(Schema)["schema"]!["const"]!.GetValue<string>().Should().Be(CaseSchema.SchemaId);
        Schema["$id"]!.GetValue<string>().Should().Be(CaseSchema.SchemaId);
        Properties(Schema)["description"]!["maxLength"]!.GetValue<int>().Should().Be(2000);
    }

    [Fact]
    public void Id_pattern_matches()
    {
        var pattern = Properties(Schema)["id"]!["pattern"]!.GetValue<string>();
        pattern.Should().Be("^[A-Za-z0-9._-]{1,64}$");
        var regex = new Regex(pattern);
        string[] samples = ["a", "A.b_c-9", new string('x', 64), new string('x', 65), "", "a b", "é", "a/b", "a\n", "ok\u0660"];
        foreach (var id in samples)
            IdPattern.IsValid(id).Should().Be(regex.IsMatch(id) && !id.EndsWith('\n'), id);
    }

    [Fact]
    public void Blocks_are_closed_objects_with_the_catalogued_fields_in_order()
    {
        foreach (var block in CaseSchema.Blocks)
        {
            var node = Properties(Schema)[block]!;
            node["type"]!.GetValue<string>().Should().Be("object", block);
            node["additionalProperties"]!.GetValue<bool>().Should().BeFalse(block);
            Properties(node).Select(p => p.Key).Should().Equal(
                ContractFields.Where(f => f.Block == block).Select(f => f.Name), block);
            Required(node).Should().Equal(block == "procedure" ? ["stage"] : [], block);
        }
        CaseSchema.Stage.Path.Should().Be("procedure.stage");
    }

    /// <summary>The catalogue without CtoRules' documented additive extensions.</summary>
    private static IEnumerable<FactField> ContractFields => CaseSchema.Fields.Where(f => !CaseSchema.Extensions.Contains(f.Path));

    [Fact]
    public void Extensions_are_additive_and_documented_in_contract_extensions_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "contract-extensions.md"));
        foreach (var path in CaseSchema.Extensions)
        {
            var field = CaseSchema.Find(path);
            field.Should().NotBeNull(path);
            Properties(Properties(Schema)[field!.Block]!).ContainsKey(field.Name).Should().BeFalse($"{path} is an extension, not in the contract");
            doc.Should().Contain($"`{path}`", "every extension of case@1 is documented");
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException("CtoRules.sln not found above the test output");
    }

    [Fact]
    public void Every_field_has_the_schema_type_range_and_values()
    {
        foreach (var field in ContractFields)
        {
            var node = Properties(Properties(Schema)[field.Block]!)[field.Name]!.AsObject();
            var keys = node.Select(p => p.Key).ToArray();
            switch (field.Type)
            {
                case FactType.Enum:
                    keys.Should().Equal(["enum"], field.Path);
                    node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(field.Values, field.Path);
                    break;
                case FactType.Boolean:
                    keys.Should().Equal(["type"], field.Path);
                    node["type"]!.GetValue<string>().Should().Be("boolean", field.Path);
                    field.Values.Should().BeEmpty(field.Path);
                    break;
                default:
                    keys.Should().Equal(["type", "minimum", "maximum"], field.Path);
                    node["type"]!.GetValue<string>().Should().Be(field.Type == FactType.Integer ? "integer" : "number", field.Path);
                    node["minimum"]!.GetValue<double>().Should().Be(field.Minimum, field.Path);
                    node["maximum"]!.GetValue<double>().Should().Be(field.Maximum, field.Path);
                    break;
            }
            if (field.Type != FactType.Number && field.Type != FactType.Integer)
                (field.Minimum, field.Maximum).Should().Be(((double?)null, (double?)null), field.Path);
        }
    }

    [Fact]
    public void Slots_are_dense_and_in_catalogue_order()
    {
        CaseSchema.Fields.Select(f => f.Slot).Should().Equal(Enumerable.Range(0, CaseSchema.SlotCount));
        CaseSchema.Fields.Select(f => f.Path).Should().OnlyHaveUniqueItems();
        CaseSchema.Stages.Should().Equal(CaseSchema.Stage.Values);
    }

    [Fact]
    public void Schema_file_has_no_keywords_the_reader_does_not_implement()
    {
        // If the contract grows a keyword (pattern on a fact, minItems...), this fails first.
        static IEnumerable<string> Keywords(JsonNode node) => node is JsonObject o
            ? o.SelectMany(p => p.Key == "properties"
                ? p.Value!.AsObject().SelectMany(c => Keywords(c.Value!))
                : p.Value is JsonObject ? [p.Key, .. Keywords(p.Value)] : [p.Key])
            : [];

        Keywords(Schema).Distinct().Order(StringComparer.Ordinal).Should().Equal(
            "$id", "$schema", "additionalProperties", "const", "enum", "maxLength", "maximum", "minimum",
            "pattern", "required", "title", "type");
    }
}
