using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Authoring.Editing;

/// <summary>
/// A rule file as the editor sees it: the front matter as one <c>key: value</c> line per field
/// (as every rule file is written) and the Markdown rationale. Setting a field rewrites only its
/// line, so a save changes exactly what the author changed and nothing else.
/// </summary>
public sealed class RuleFileText
{
    private readonly List<(string Key, string Raw)> _fields;

    private RuleFileText(List<(string Key, string Raw)> fields, string body)
    {
        _fields = fields;
        Body = body;
    }

    /// <summary>The rationale (everything after the closing <c>---</c>), without its leading newline.</summary>
    public string Body { get; set; }

    public IEnumerable<string> Keys => _fields.Select(f => f.Key);

    /// <summary>Reads a file; null when it has no front matter of single-line fields.</summary>
    public static RuleFileText? Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd() != "---") return null;
        var fields = new List<(string, string)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
                return new RuleFileText(fields, string.Join('\n', lines[(i + 1)..]));
            var colon = lines[i].IndexOf(':');
            if (colon <= 0) return null;
            fields.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }
        return null;
    }

    public bool Has(string key) => _fields.Any(f => f.Key == key);

    /// <summary>The raw YAML of a field's value as written in the file.</summary>
    public string? Raw(string key) => _fields.FirstOrDefault(f => f.Key == key).Raw;

    /// <summary>A scalar field's value, YAML-decoded (quotes removed).</summary>
    public string? Scalar(string key) => Raw(key) is { } raw ? Decode(raw) as string : null;

    /// <summary>A list field's values; empty when absent.</summary>
    public IReadOnlyList<string> List(string key) =>
        Raw(key) is { } raw && Decode(raw) is List<string> list ? list : [];

    /// <summary>Sets a string field, quoting it as JSON-compatible YAML when it needs quotes. Unchanged values keep their line.</summary>
    public void SetString(string key, string? value, bool alwaysQuote = false)
    {
        if (value is null) { Remove(key); return; }
        if (Scalar(key) == value) return;
        Set(key, alwaysQuote || NeedsQuotes(value) ? JsonSerializer.Serialize(value) : value);
    }

    /// <summary>Sets the condition, keeping it on one line: the editor's line breaks become spaces
    /// (same length, so positions map one to one).</summary>
    /// <summary>Sets <c>when:</c>; a blank condition removes the field (a rule without one applies to every case of its stage).</summary>
    public void SetCondition(string condition)
    {
        if (string.IsNullOrWhiteSpace(condition)) { Remove("when"); return; }
        SetString("when", condition.Replace("\r\n", " \n").Replace('\n', ' ').Replace('\r', ' ').TrimEnd());
    }

    public void SetNumber(string key, double? value)
    {
        if (value is null) { Remove(key); return; }
        if (Scalar(key) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var old) && old == value) return;
        Set(key, value.Value.ToString("0.####", CultureInfo.InvariantCulture));
    }

    public void SetList(string key, IReadOnlyCollection<string>? values)
    {
        if (values is null || values.Count == 0) { Remove(key); return; }
        if (List(key).SequenceEqual(values)) return;
        Set(key, "[" + string.Join(", ", values.Select(v => NeedsQuotes(v) ? JsonSerializer.Serialize(v) : v)) + "]");
    }

    public void Remove(string key) => _fields.RemoveAll(f => f.Key == key);

    /// <summary>The one-based line and column where a field's decoded value starts in <see cref="ToString"/>.</summary>
    public (int Line, int Column)? ValueStart(string key)
    {
        var index = _fields.FindIndex(f => f.Key == key);
        if (index < 0) return null;
        var raw = _fields[index].Raw;
        var quote = raw.StartsWith('"') || raw.StartsWith('\'') ? 1 : 0;
        return (index + 2, key.Length + 2 + 1 + quote);
    }

    public override string ToString()
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, raw) in _fields) text.Append(key).Append(": ").Append(raw).Append('\n');
        return text.Append("---\n").Append(Body).ToString();
    }

    private void Set(string key, string raw)
    {
        var index = _fields.FindIndex(f => f.Key == key);
        if (index >= 0) _fields[index] = (key, raw);
        else _fields.Add((key, raw));
    }

    // Plain YAML scalars cannot hold ': ', ' #', or start with an indicator; quote those.
    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
        || "[]{},&*!|>'\"%@`#-?:".Contains(value[0]) || value != value.Trim() || value.Contains('"')
        || value is "true" or "false" or "null" or "~" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static object? Decode(string raw)
    {
        if (CtoRules.Language.Yaml.YamlDepth.FindTooDeep("v: " + raw) is not null) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader("v: " + raw));
            var node = ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")];
            return node switch
            {
                YamlScalarNode s => s.Value ?? "",
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToList(),
                _ => null,
            };
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return raw;
        }
    }
}
