using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Cases;

namespace CtoRules.Authoring.Advising;

/// <summary>
/// The advisor's form model: one text value per case@1 field (null = unknown, never a default),
/// turned into case@1 JSON and checked by the Domain validator (<see cref="CaseReader"/>), so the
/// form gives the contract's own messages. Booleans are "true", "false" or unknown; enums one of
/// their values or unknown; numbers as typed (invariant culture).
/// </summary>
public sealed class CaseForm
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string Id { get; set; } = "advisor-case";

    public string? Description { get; set; }

    /// <summary>The value of a field as entered; null when unknown.</summary>
    public string? this[string path]
    {
        get => _values.GetValueOrDefault(Field(path).Path);
        set => _values[Field(path).Path] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public bool IsUnknown(string path) => this[path] is null;

    /// <summary>Sets every field to unknown.</summary>
    public void Clear() => _values.Clear();

    /// <summary>
    /// The case@1 document. A block is written when one of its facts is given (a block given empty
    /// would claim an examination that was not reported); <c>procedure</c> always, as it is required.
    /// </summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject { ["schema"] = CaseSchema.SchemaId, ["id"] = Id };
        if (!string.IsNullOrWhiteSpace(Description)) root["description"] = Description;
        foreach (var group in CaseFormGroup.All)
        {
            var block = new JsonObject();
            foreach (var f in group.Fields)
                if (this[f.Path] is { } text) block[f.Name] = ToNode(f, text);
            if (block.Count > 0 || group.Block == CaseSchema.Stage.Block) root[group.Block] = block;
        }
        return root;
    }

    /// <summary>The entered case as indented case@1 JSON, for download.</summary>
    public string ToJsonText() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Checks the entered case with the Domain validator.</summary>
    public CaseFormCheck Check()
    {
        var result = CaseReader.Read(ToJson());
        return new CaseFormCheck(result.IsValid ? result.Case : null, [.. result.Errors]);
    }

    /// <summary>
    /// Reads a pasted or uploaded case (JSON when it starts with <c>{</c>, else YAML) into a new
    /// form. The returned check holds the validator's errors for the document as given; facts the
    /// form cannot hold (unknown names) are reported there and left out.
    /// </summary>
    public static (CaseForm Form, CaseFormCheck Check) Load(string text)
    {
        JsonNode? node;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            var (parsed, errors) = JsonText.Parse(text);
            if (errors.Count > 0) return (new CaseForm(), new CaseFormCheck(null, [.. errors]));
            node = parsed;
        }
        else
        {
            try
            {
                node = YamlJson.YamlToJson(text);
            }
            catch (YamlJsonException e)
            {
                return (new CaseForm(), new CaseFormCheck(null, [new CaseError("$", e.Message)]));
            }
        }
        var form = new CaseForm();
        if (node is JsonObject obj)
        {
            if (obj["id"] is JsonValue id && id.TryGetValue<string>(out var s)) form.Id = s;
            if (obj["description"] is JsonValue d && d.TryGetValue<string>(out var desc)) form.Description = desc;
            foreach (var group in CaseFormGroup.All)
                if (obj[group.Block] is JsonObject block)
                    foreach (var f in group.Fields)
                        if (block[f.Name] is JsonValue v) form[f.Path] = Text(v);
        }
        var check = CaseReader.Read(node);
        return (form, new CaseFormCheck(check.IsValid ? check.Case : null, [.. check.Errors]));
    }

    private static FactField Field(string path) =>
        CaseSchema.Find(path) ?? throw new ArgumentException($"'{path}' is not a case@1 fact", nameof(path));

    /// <summary>The JSON value for an entered text: typed when it parses, else the text, which the validator then names.</summary>
    private static JsonNode ToNode(FactField f, string text) => f.Type switch
    {
        FactType.Boolean when text is "true" or "false" => JsonValue.Create(text == "true"),
        FactType.Number or FactType.Integer when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) =>
            n == Math.Floor(n) && Math.Abs(n) < 1e15 ? JsonValue.Create((long)n) : JsonValue.Create(n),
        _ => JsonValue.Create(text),
    };

    private static string Text(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => v.GetValue<double>().ToString("0.####", CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
