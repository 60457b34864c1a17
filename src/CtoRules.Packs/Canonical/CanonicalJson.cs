using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtoRules.Packs.Canonical;

/// <summary>
/// The canonical form of a pack's JSON (docs/packs.md): object keys sorted by ordinal (UTF-16 code
/// unit) order at every level, no insignificant whitespace, strings with newlines normalised to
/// LF and escaped minimally (RFC 8785 style), integers only, UTF-8 without a byte-order mark.
/// Two documents that differ only in key order, line endings or whitespace have the same
/// canonical bytes, so the same digest.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical bytes of <paramref name="node"/>.</summary>
    public static byte[] ToBytes(JsonNode? node) => Encoding.UTF8.GetBytes(ToText(node, indented: false));

    /// <summary>
    /// The canonical text, or with <paramref name="indented"/> the same keys, order and strings
    /// laid out two spaces per level (what a pack file holds; its digest ignores the layout).
    /// </summary>
    public static string ToText(JsonNode? node, bool indented = false)
    {
        var sb = new StringBuilder();
        Write(sb, node, indented ? 0 : -1);
        if (indented) sb.Append('\n');
        return sb.ToString();
    }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the canonical bytes.</summary>
    public static string Digest(JsonNode? node) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ToBytes(node)));

    /// <summary>LF for CRLF and lone CR.</summary>
    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                {
                    var keys = obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                    sb.Append('{');
                    for (var i = 0; i < keys.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        if (depth >= 0) NewLine(sb, depth + 1);
                        WriteString(sb, keys[i]);
                        sb.Append(depth >= 0 ? ": " : ":");
                        Write(sb, obj[keys[i]], depth < 0 ? -1 : depth + 1);
                    }
                    if (keys.Count > 0) NewLine(sb, depth);
                    sb.Append('}');
                    break;
                }
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    if (depth >= 0) NewLine(sb, depth + 1);
                    Write(sb, array[i], depth < 0 ? -1 : depth + 1);
                }
                if (array.Count > 0) NewLine(sb, depth);
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void NewLine(StringBuilder sb, int depth)
    {
        if (depth < 0) return;
        sb.Append('\n').Append(' ', depth * 2);
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                var raw = value.ToJsonString();
                if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    throw new CanonicalJsonException($"'{raw}' is not allowed in canonical JSON: numbers must be integers");
                sb.Append(n.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new CanonicalJsonException($"unexpected JSON value {value.ToJsonString()}");
        }
    }

    private static void WriteString(StringBuilder sb, string raw)
    {
        var s = NormalizeNewlines(raw);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                        throw new CanonicalJsonException("a string holds an unpaired UTF-16 surrogate");
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
