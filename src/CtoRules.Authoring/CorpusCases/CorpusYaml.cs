using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// Writes a corpus-case@1 document as YAML in the corpus's own layout: top-level fields one per
/// line, each case block and each advice expectation as one flow mapping, lists in flow style.
/// A string is written plain only when YAML cannot read it as anything else; otherwise it is
/// double-quoted with JSON escapes (which YAML double-quoted scalars share), so the file reads
/// back to exactly the same values.
/// </summary>
public static partial class CorpusYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"];

    public static string Write(JsonObject document)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in document)
        {
            if (value is JsonObject block)
            {
                text.Append(name).Append(":\n");
                foreach (var (key, inner) in block) WriteMember(text, "  ", key, inner);
            }
            else
            {
                text.Append(name).Append(": ").Append(Flow(value)).Append('\n');
            }
        }
        return text.ToString();
    }

    // Lists of mappings (advice expectations) and of pairs (order) one item a line; the rest in flow style.
    private static void WriteMember(StringBuilder text, string indent, string key, JsonNode? value)
    {
        if (value is JsonArray list && list.Count > 0 && list.All(i => i is JsonObject or JsonArray))
        {
            text.Append(indent).Append(key).Append(":\n");
            foreach (var item in list) text.Append(indent).Append("  - ").Append(Flow(item)).Append('\n');
        }
        else
        {
            text.Append(indent).Append(key).Append(": ").Append(Flow(value)).Append('\n');
        }
    }

    private static string Flow(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => o.Count == 0 ? "{}" : "{ " + string.Join(", ", o.Select(p => Scalar(p.Key) + ": " + Flow(p.Value))) + " }",
        JsonArray a => "[" + string.Join(", ", a.Select(Flow)) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(v.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(), // JSON number text is a YAML number
            _ => "null",
        },
        _ => "null",
    };

    private static string Scalar(string s)
    {
        var plain = PlainSafe().IsMatch(s)
            && !Reserved.Contains(s, StringComparer.OrdinalIgnoreCase)
            && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return plain ? s : JsonSerializer.Serialize(s, Quoting);
    }

    // Letters, digits and a few inner punctuation marks that mean nothing to YAML in flow context.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/@+-]*$")]
    private static partial Regex PlainSafe();
}
