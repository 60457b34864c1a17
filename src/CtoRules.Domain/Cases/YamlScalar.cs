using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core.Events;

namespace CtoRules.Cases;

/// <summary>
/// Types a YAML scalar the way the YAML 1.2 core schema does, so that YAML and JSON files with the
/// same shape give the same JSON: plain <c>true</c>/<c>false</c> are booleans, plain numbers are
/// numbers, plain <c>null</c>/<c>~</c>/empty are null, and anything quoted stays a string. YAML 1.1
/// words (<c>yes</c>, <c>off</c>) stay strings, as do <c>.inf</c>/<c>.nan</c>, which JSON cannot hold.
/// </summary>
internal static partial class YamlScalar
{
    private const string CoreTag = "tag:yaml.org,2002:";

    /// <summary>The JSON value of <paramref name="scalar"/>; throws <see cref="YamlJsonException"/> for a bad tag.</summary>
    public static JsonNode? ToJson(Scalar scalar)
    {
        var text = scalar.Value;
        // "!" is the non-specific tag: YAML says such a scalar is a string.
        if (scalar.Tag.IsNonSpecific) return JsonValue.Create(text);
        if (!scalar.Tag.IsEmpty) return Tagged(scalar, scalar.Tag.Value);
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain) return JsonValue.Create(text);
        if (IsNull(text)) return null;
        if (ToBoolean(text) is { } b) return JsonValue.Create(b);
        return ToNumber(text) ?? JsonValue.Create(text);
    }

    private static JsonNode? Tagged(Scalar scalar, string tag)
    {
        var text = scalar.Value;
        JsonNode? result = tag switch
        {
            CoreTag + "str" => JsonValue.Create(text),
            CoreTag + "null" when IsNull(text) => null,
            CoreTag + "bool" when ToBoolean(text) is { } b => JsonValue.Create(b),
            CoreTag + "int" when IntegerPattern().IsMatch(text) => ToNumber(text),
            CoreTag + "float" when FloatPattern().IsMatch(text) => ToNumber(text),
            _ => throw new YamlJsonException(
                tag.StartsWith(CoreTag, StringComparison.Ordinal)
                    ? $"'{text}' is not a valid !!{tag[CoreTag.Length..]}"
                    : $"unsupported tag '{tag}'",
                scalar.Start.Line, scalar.Start.Column),
        };
        return result;
    }

    private static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    private static bool? ToBoolean(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    /// <summary>
    /// A core-schema number rewritten as JSON number text (no '+', no leading zeros, hex and octal
    /// expanded) and parsed by System.Text.Json, so that it behaves exactly like a number read from
    /// JSON (GetValue&lt;int&gt;, GetValue&lt;double&gt;, and the same text in messages).
    /// </summary>
    private static JsonNode? ToNumber(string text)
    {
        string? json = null;
        if (text.StartsWith("0x", StringComparison.Ordinal) && HexPattern().IsMatch(text))
            json = BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        else if (text.StartsWith("0o", StringComparison.Ordinal) && OctalPattern().IsMatch(text))
            json = text[2..].Aggregate(BigInteger.Zero, (n, c) => n * 8 + (c - '0')).ToString(CultureInfo.InvariantCulture);
        else if (FloatPattern().Match(text) is { Success: true } m)
        {
            var sign = m.Groups["sign"].Value == "-" ? "-" : "";
            var whole = m.Groups["int"].Value.TrimStart('0');
            var fraction = m.Groups["frac"].Value;
            json = sign + (whole.Length == 0 ? "0" : whole)
                + (fraction.Length > 0 ? "." + fraction : "")
                + m.Groups["exp"].Value;
        }
        return json is null ? null : JsonNode.Parse(json);
    }

    // The core schema's int is a subset of its float; both are matched by FloatPattern for parsing.
    [GeneratedRegex(@"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:\.(?<frac>[0-9]+)|(?<int>[0-9]+)(?:\.(?<frac>[0-9]*))?)(?<exp>[eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex OctalPattern();
}
