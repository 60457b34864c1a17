using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtoRules.Cases;

/// <summary>
/// Validates a parsed case@1 document against <see cref="CaseSchema"/> and builds the
/// <see cref="Case"/>. Every error is collected (in document order, then missing required
/// properties of each object, then the consistency rules) so an author fixes a file in one pass.
/// </summary>
internal sealed class CaseValidator
{
    private const string SchemaProperty = "schema";
    private const string IdProperty = "id";
    private const string DescriptionProperty = "description";
    private const int MaxDescriptionLength = 2000;

    /// <summary>Echoed input is cut so that a huge bad value does not make a huge message.</summary>
    private const int MaxEchoLength = 80;

    private static readonly string[] TopLevelNames =
        [SchemaProperty, IdProperty, DescriptionProperty, .. CaseSchema.Blocks];

    private static readonly string[] RequiredTopLevel = [SchemaProperty, IdProperty, CaseSchema.Stage.Block];

    private readonly List<CaseError> _errors = [];
    private readonly double[] _values;
    private int _blocks;
    private string? _id;
    private string? _description;

    private CaseValidator()
    {
        _values = new double[CaseSchema.SlotCount];
        Array.Fill(_values, double.NaN);
    }

    public static CaseReadResult Validate(JsonNode? root)
    {
        var v = new CaseValidator();
        v.ReadRoot(root);
        if (v._errors.Count > 0) return CaseReadResult.Invalid(v._errors);
        return CaseReadResult.Valid(new Case(v._id!, v._description, v._values, v._blocks));
    }

    private void ReadRoot(JsonNode? root)
    {
        if (AsObject(root) is not { } obj)
        {
            Error("$", Expected("an object", root));
            return;
        }

        foreach (var (name, node) in obj)
        {
            switch (name)
            {
                case SchemaProperty: ReadSchema(node); break;
                case IdProperty: ReadId(node); break;
                case DescriptionProperty: ReadDescription(node); break;
                default:
                    if (CaseSchema.IsBlock(name)) ReadBlock(name, node);
                    else Unknown(JsonPaths.Child("$", name), name, TopLevelNames);
                    break;
            }
        }

        foreach (var required in RequiredTopLevel)
            if (!obj.ContainsKey(required)) Error(required, "required property is missing");

        // Invalid facts were never stored, so they stay unknown and cannot trigger a rule: the
        // consistency rules only ever speak about facts that passed field validation.
        _errors.AddRange(CaseConsistency.Check(_values));
    }

    private void ReadSchema(JsonNode? node)
    {
        if (ReadString(SchemaProperty, node) is not { } s) return;
        if (s != CaseSchema.SchemaId)
            Error(SchemaProperty, $"{Quote(s)} is not supported; expected '{CaseSchema.SchemaId}'");
    }

    private void ReadId(JsonNode? node)
    {
        if (ReadString(IdProperty, node) is not { } s) return;
        if (IdPattern.IsValid(s)) _id = s;
        else Error(IdProperty, IdPattern.Describe(s));
    }

    private void ReadDescription(JsonNode? node)
    {
        if (ReadString(DescriptionProperty, node) is not { } s) return;
        // JSON Schema's maxLength counts code points, not UTF-16 units.
        var length = s.EnumerateRunes().Count();
        if (length > MaxDescriptionLength)
            Error(DescriptionProperty, $"{length} characters is above the maximum length {MaxDescriptionLength}");
        else _description = s;
    }

    private void ReadBlock(string block, JsonNode? node)
    {
        if (AsObject(node) is not { } obj)
        {
            Error(block, Expected("an object", node));
            return;
        }

        // A block given even as {} says the examination was done (e.g. IVUS with nothing recorded).
        _blocks |= 1 << CaseSchema.BlockIndex(block);
        foreach (var (name, value) in obj)
        {
            if (CaseSchema.Find(block + "." + name) is { } field) ReadField(field, value);
            else Unknown(JsonPaths.Child(block, name), name, CaseSchema.Fields.Where(f => f.Block == block).Select(f => f.Name));
        }

        var stage = CaseSchema.Stage;
        if (block == stage.Block && !obj.ContainsKey(stage.Name))
            Error(stage.Path, "required property is missing");
    }

    private void ReadField(FactField field, JsonNode? node)
    {
        switch (field.Type)
        {
            case FactType.Boolean:
                var kind = Kind(node);
                if (kind is JsonValueKind.True or JsonValueKind.False)
                    _values[field.Slot] = kind == JsonValueKind.True ? 1 : 0;
                else Error(field.Path, Expected("a boolean", node));
                break;
            case FactType.Integer:
            case FactType.Number:
                ReadNumber(field, node);
                break;
            case FactType.Enum:
                if (ReadString(field.Path, node) is not { } s) return;
                if (field.Values.Contains(s, StringComparer.Ordinal))
                    _values[field.Slot] = field.Encode(s);
                else
                    Error(field.Path, $"{Quote(s)} is not one of {string.Join(", ", field.Values)}"
                        + NameSuggestion.Suffix(s, field.Values));
                break;
            default:
                throw new InvalidOperationException($"unhandled fact type {field.Type}");
        }
    }

    private void ReadNumber(FactField field, JsonNode? node)
    {
        var integer = field.Type == FactType.Integer;
        if (Kind(node) != JsonValueKind.Number)
        {
            Error(field.Path, Expected(integer ? "an integer" : "a number", node));
            return;
        }

        // The number as the document wrote it: messages quote the author's own text.
        var text = node!.ToJsonString();
        // A JSON number always parses; beyond double's range it becomes ±∞ and fails the range check.
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        // A 100,000-digit number is not echoed whole.
        var raw = text.Length <= MaxEchoLength ? text : $"{text[..(MaxEchoLength / 2)]}… ({text.Length} characters)";
        if (integer && double.IsFinite(value) && value != Math.Floor(value))
            Error(field.Path, $"expected an integer, got {raw}");
        else if (value < field.Minimum)
            Error(field.Path, $"{raw} is below the minimum {Format(field.Minimum.Value)}");
        else if (value > field.Maximum)
            Error(field.Path, $"{raw} is above the maximum {Format(field.Maximum.Value)}");
        else
            _values[field.Slot] = value + 0.0; // + 0.0 turns -0 into 0, so -0 renders as 0
    }

    /// <summary>The string at <paramref name="path"/>, or null after reporting a type error.</summary>
    private string? ReadString(string path, JsonNode? node)
    {
        if (Kind(node) == JsonValueKind.String) return node!.GetValue<string>();
        Error(path, Expected("a string", node));
        return null;
    }

    private void Unknown(string path, string name, IEnumerable<string> known) =>
        Error(path, $"unknown property {Quote(name)}" + NameSuggestion.Suffix(name, known));

    private void Error(string path, string message) => _errors.Add(new CaseError(path, message));

    private static JsonObject? AsObject(JsonNode? node) => node switch
    {
        JsonObject o => o,
        // A JsonValue can wrap an object (e.g. a JsonElement); re-parse it to walk its properties.
        JsonValue v when v.GetValueKind() == JsonValueKind.Object => JsonNode.Parse(v.ToJsonString()) as JsonObject,
        _ => null,
    };

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static string Expected(string what, JsonNode? node) => $"expected {what}, got {Describe(node)}";

    private static string Describe(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "an unknown value",
    };

    private static string Quote(string s)
    {
        if (s.Length <= MaxEchoLength) return $"'{s}'";
        var cut = char.IsHighSurrogate(s[MaxEchoLength - 2]) ? MaxEchoLength - 2 : MaxEchoLength - 1;
        return $"'{s[..cut]}…'";
    }

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
