using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CtoRules.Cases;

/// <summary>
/// Builds a <see cref="JsonNode"/> from YamlDotNet's parser events. Reading events (rather than
/// YamlDotNet's representation model) lets us bound nesting depth and alias expansion, refuse
/// duplicate keys with their location, and type scalars by the YAML 1.2 core schema.
/// </summary>
internal sealed class YamlEventReader
{
    private const string CoreTag = "tag:yaml.org,2002:";

    /// <summary>
    /// Nodes that aliases may add. Without a bound, a few lines of nested aliases ("billion
    /// laughs") expand to billions of nodes; the input size limit alone does not prevent that.
    /// </summary>
    private const long MaxAliasNodes = 100_000;

    private readonly Parser _parser;
    private readonly Dictionary<string, (JsonNode? Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _nodes;
    private long _aliasNodes;
    private Mark _last = Mark.Empty;

    private YamlEventReader(string yaml) => _parser = new Parser(new StringReader(yaml));

    public static JsonNode? Read(string yaml)
    {
        var reader = new YamlEventReader(yaml);
        reader.Expect<StreamStart>(reader.Next());
        var first = reader.Next();
        if (first is StreamEnd) return null; // empty text or only comments
        reader.Expect<DocumentStart>(first);
        var root = reader.ReadNode(reader.Next(), 0, "$");
        reader.Expect<DocumentEnd>(reader.Next());
        var after = reader.Next();
        if (after is DocumentStart)
            throw new YamlJsonException("expected a single YAML document, found another", after.Start.Line, after.Start.Column);
        reader.Expect<StreamEnd>(after);
        return root;
    }

    private JsonNode? ReadNode(ParsingEvent ev, int depth, string path)
    {
        var before = _nodes;
        switch (ev)
        {
            case AnchorAlias alias:
                return Resolve(alias);
            case Scalar scalar:
                _nodes++;
                var value = YamlScalar.ToJson(scalar);
                Remember(scalar.Anchor, value, 1);
                return value;
            case SequenceStart start:
                CheckCollection(start, depth, "seq");
                var array = new JsonArray();
                for (var e = Next(); e is not SequenceEnd; e = Next())
                    array.Add(ReadNode(e, depth + 1, $"{path}[{array.Count}]"));
                _nodes++;
                Remember(start.Anchor, array, _nodes - before);
                return array;
            case MappingStart start:
                CheckCollection(start, depth, "map");
                var obj = new JsonObject();
                for (var e = Next(); e is not MappingEnd; e = Next())
                {
                    if (e is not Scalar key)
                        throw new YamlJsonException("a key must be a plain value, not a list, mapping or alias", e.Start.Line, e.Start.Column);
                    var childPath = JsonPaths.Child(path, key.Value);
                    if (obj.ContainsKey(key.Value))
                        throw new YamlJsonException($"duplicate property '{key.Value}'", key.Start.Line, key.Start.Column, childPath);
                    obj[key.Value] = ReadNode(Next(), depth + 1, childPath);
                }
                _nodes++;
                Remember(start.Anchor, obj, _nodes - before);
                return obj;
            default:
                throw new YamlJsonException($"unexpected {ev.GetType().Name}", ev.Start.Line, ev.Start.Column);
        }
    }

    private JsonNode? Resolve(AnchorAlias alias)
    {
        // An anchor is remembered once its node is complete, so a node cannot contain itself.
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
            throw new YamlJsonException($"unknown alias '*{alias.Value.Value}'", alias.Start.Line, alias.Start.Column);
        _aliasNodes += anchored.Size;
        if (_aliasNodes > MaxAliasNodes)
            throw new YamlJsonException($"aliases expand to more than {MaxAliasNodes} values", alias.Start.Line, alias.Start.Column);
        _nodes += anchored.Size;
        return anchored.Node?.DeepClone();
    }

    private void CheckCollection(NodeEvent start, int depth, string coreName)
    {
        if (depth >= JsonText.MaxDepth)
            throw new YamlJsonException($"nesting is deeper than {JsonText.MaxDepth} levels", start.Start.Line, start.Start.Column);
        if (!start.Tag.IsEmpty && !start.Tag.IsNonSpecific && start.Tag.Value != CoreTag + coreName)
            throw new YamlJsonException($"unsupported tag '{start.Tag.Value}'", start.Start.Line, start.Start.Column);
    }

    private void Remember(AnchorName anchor, JsonNode? node, long size)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, size);
    }

    private void Expect<T>(ParsingEvent ev) where T : ParsingEvent
    {
        if (ev is not T)
            throw new YamlJsonException($"unexpected {ev.GetType().Name}", ev.Start.Line, ev.Start.Column);
    }

    private ParsingEvent Next()
    {
        try
        {
            if (!_parser.MoveNext() || _parser.Current is not { } current)
                throw new YamlJsonException("unexpected end of the text", _last.Line, _last.Column);
            _last = current.End;
            return current;
        }
        catch (YamlException ex)
        {
            throw new YamlJsonException(ex.Message, ex.Start.Line, ex.Start.Column);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this, without a location, on some malformed flow
            // collections (e.g. an unclosed "[" followed by more lines); the last good event is
            // the best location we have.
            throw new YamlJsonException($"cannot parse the YAML after this point (often an unclosed [ or {{): {ex.Message}", _last.Line, _last.Column);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet validates some tokens as it builds them and throws ArgumentException, without
            // a location, for a tag like "!!ininterv[[" that is not a valid URI (found by fuzzing).
            throw new YamlJsonException($"cannot parse the YAML after this point: {ex.Message.Split(" (Parameter")[0]}", _last.Line, _last.Column);
        }
    }
}
