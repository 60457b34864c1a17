using System.Collections.Immutable;
using System.Globalization;
using CtoRules.Language.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Language.Yaml;

/// <summary>
/// A YAML mapping read with positions: typed field access that reports CTO1xxx diagnostics at
/// the field's one-based line and column in the file (YAML marks are already one-based; the
/// line offset given to the constructor moves them from the front matter to the file).
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly List<Diagnostic> _diagnostics;

    private YamlFields(YamlMappingNode map, string file, int lineOffset, List<Diagnostic> diagnostics)
    {
        _map = map;
        _file = file;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    public YamlMappingNode Node => _map;

    /// <summary>The same fields reporting to another list (a cached parse reused by a new check, SourceReadCache).</summary>
    internal YamlFields ReportingTo(List<Diagnostic> diagnostics) => new(_map, _file, _lineOffset, diagnostics);

    /// <summary>Parses YAML text whose root must be a mapping; reports syntax errors as CTO1003.</summary>
    public static YamlFields? Parse(string yaml, string file, int lineOffset, List<Diagnostic> diagnostics)
    {
        if (YamlDepth.FindTooDeep(yaml) is { } deep)
        {
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(file, lineOffset + deep.Line, deep.Column), $"the YAML is nested deeper than {YamlDepth.MaxDepth} levels"));
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(file, lineOffset + 1, 1), "expected a mapping of fields"));
                return null;
            }
            return new YamlFields(map, file, lineOffset, diagnostics);
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(
                new SourceLocation(file, lineOffset + (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), Clean(e.Message)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a location (an unclosed flow collection, a tag that
            // is not a valid URI: found by fuzzing); the start of the front matter is the best we have.
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(file, lineOffset + 1, 1), e.Message.Split(" (Parameter")[0]));
            return null;
        }
    }

    /// <summary>
    /// Parses YAML text whose root must be a list (bibliography, review sections); reports syntax
    /// errors as CTO1003 and another root as <paramref name="notAList"/>.
    /// </summary>
    public static YamlSequenceNode? ParseList(string yaml, string file, List<Diagnostic> diagnostics, string notAList)
    {
        if (YamlDepth.FindTooDeep(yaml) is { } deep)
        {
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(file, deep.Line, deep.Column), $"the YAML is nested deeper than {YamlDepth.MaxDepth} levels"));
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlSequenceNode list) return list;
            diagnostics.Add(DiagnosticDescriptors.InvalidReference.Create(new SourceLocation(file, 1, 1), notAList));
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(
                new SourceLocation(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), Clean(e.Message)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            diagnostics.Add(DiagnosticDescriptors.YamlSyntax.Create(new SourceLocation(file, 1, 1), e.Message.Split(" (Parameter")[0]));
        }
        return null;
    }

    /// <summary>Wraps a mapping node read elsewhere.</summary>
    public static YamlFields Wrap(YamlMappingNode map, string file, int lineOffset, List<Diagnostic> diagnostics) =>
        new(map, file, lineOffset, diagnostics);

    /// <summary>Wraps a nested mapping node.</summary>
    public YamlFields Nested(YamlMappingNode map) => new(map, _file, _lineOffset, _diagnostics);

    private static string Clean(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    public SourceLocation At(YamlNode node) => new(_file, _lineOffset + (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where a field's value starts (what a diagnostic about the field is about), else its key.</summary>
    public SourceLocation At(string field)
    {
        if (Value(field) is { } value) return At(value);
        var key = Key(field);
        return key is null ? new SourceLocation(_file, _lineOffset + (int)_map.Start.Line, (int)_map.Start.Column) : At(key);
    }

    private YamlNode? Key(string field) => _map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == field);

    public YamlNode? Value(string field) => _map.Children.TryGetValue(new YamlScalarNode(field), out var v) ? v : null;

    public bool Has(string field) => Value(field) is not null;

    public void Report(DiagnosticDescriptor descriptor, SourceLocation at, params object?[] args) =>
        _diagnostics.Add(descriptor.Create(at, args));

    /// <summary>Reports every field not in <paramref name="allowed"/> as CTO1005.</summary>
    public void CheckUnknown(IReadOnlyCollection<string> allowed)
    {
        foreach (var key in _map.Children.Keys.OfType<YamlScalarNode>())
            if (key.Value is { } name && !allowed.Contains(name))
                Report(DiagnosticDescriptors.UnknownField, At(key), name, Suggestions.DidYouMean(name, allowed));
    }

    public string? String(string field, bool required)
    {
        var node = Value(field);
        if (node is null)
        {
            if (required) Report(DiagnosticDescriptors.MissingField, At(_map), field);
            return null;
        }
        if (node is YamlScalarNode { Value: { } s } && !(node is YamlScalarNode { Style: ScalarStyle.Plain } && s is "~" or "null" or ""))
            return s;
        Report(DiagnosticDescriptors.WrongFieldType, At(node), field, "a string");
        return null;
    }

    public int? Integer(string field, bool required, int minimum = int.MinValue)
    {
        var node = Value(field);
        if (node is null)
        {
            if (required) Report(DiagnosticDescriptors.MissingField, At(_map), field);
            return null;
        }
        if (node is YamlScalarNode { Value: { } s } && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= minimum)
            return v;
        Report(DiagnosticDescriptors.WrongFieldType, At(node), field, minimum == int.MinValue ? "an integer" : $"an integer ≥ {minimum}");
        return null;
    }

    public double? Number(string field, bool required)
    {
        var node = Value(field);
        if (node is null)
        {
            if (required) Report(DiagnosticDescriptors.MissingField, At(_map), field);
            return null;
        }
        if (node is YamlScalarNode { Value: { } s } && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            return v;
        Report(DiagnosticDescriptors.WrongFieldType, At(node), field, "a number");
        return null;
    }

    /// <summary>A list of strings (a YAML sequence, or one scalar) with each item's location.</summary>
    public ImmutableArray<(string Value, SourceLocation At)>? StringList(string field, bool required)
    {
        var node = Value(field);
        if (node is null)
        {
            if (required) Report(DiagnosticDescriptors.MissingField, At(_map), field);
            return null;
        }
        if (node is YamlSequenceNode seq)
        {
            var items = ImmutableArray.CreateBuilder<(string, SourceLocation)>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode { Value: { } s }) items.Add((s, At(item)));
                else Report(DiagnosticDescriptors.WrongFieldType, At(item), field, "a list of strings");
            }
            return items.ToImmutable();
        }
        if (node is YamlScalarNode { Value: { } one }) return [(one, At(node))];
        Report(DiagnosticDescriptors.WrongFieldType, At(node), field, "a list of strings");
        return null;
    }

    /// <summary>
    /// Maps a zero-based offset in a scalar's value to its file location, following folding and
    /// indentation of multi-line scalars by aligning the value with the raw text.
    /// </summary>
    public SourceLocation LocateInScalar(string field, string rawYaml, int offset)
    {
        if (Value(field) is not YamlScalarNode node || node.Value is null) return At(field);
        var value = node.Value;
        var raw = (int)node.Start.Index;
        var end = Math.Min(rawYaml.Length, Math.Max(raw, (int)node.End.Index));
        if (node.Style is ScalarStyle.Folded or ScalarStyle.Literal)
        {
            var nl = rawYaml.IndexOf('\n', raw);
            raw = nl < 0 ? end : nl + 1;
        }
        else if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) raw++;

        for (var i = 0; i < value.Length && raw < end; i++)
        {
            if (char.IsWhiteSpace(value[i])) continue;
            while (raw < end && rawYaml[raw] != value[i]) raw++;
            if (i >= offset) break;
            raw++;
        }
        raw = Math.Min(raw, rawYaml.Length);
        var line = 1;
        var lineStart = 0;
        for (var p = 0; p < raw; p++)
            if (rawYaml[p] == '\n') { line++; lineStart = p + 1; }
        return new SourceLocation(_file, _lineOffset + line, raw - lineStart + 1);
    }
}
