using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CtoRules.Cases;

/// <summary>
/// Parses JSON text into a <see cref="JsonNode"/> for the case reader, turning every problem into
/// <see cref="CaseError"/>s instead of exceptions. A first pass with <see cref="Utf8JsonReader"/>
/// finds syntax errors and duplicate property names with their line and column: JsonNode itself
/// accepts duplicates and only throws (without a location) when the object is first walked.
/// </summary>
public static partial class JsonText
{
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>The parsed document, or the errors that stop it being read (node is then null).</summary>
    public static (JsonNode? Node, IReadOnlyList<CaseError> Errors) Parse(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var errors = Scan(utf8);
        if (errors.Count > 0) return (null, errors);
        return (JsonNode.Parse(utf8, documentOptions: DocumentOptions), []);
    }

    private static List<CaseError> Scan(byte[] utf8)
    {
        var errors = new List<CaseError>();
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        // One frame per open container: its path, its property names (objects) or next index (arrays).
        var frames = new Stack<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (InvalidString(ref reader, utf8, frames.Count == 0 ? "$" : frames.Peek().Path) is { } badName)
                            return [badName];
                        property = reader.GetString()!;
                        var top = frames.Peek();
                        if (!top.Names!.Add(property))
                        {
                            var (line, column) = TextPosition.OfOffset(utf8, reader.TokenStartIndex);
                            errors.Add(new CaseError(Child(top.Path, property),
                                $"duplicate property '{property}' at line {line}, column {column}"));
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = frames.Count == 0 ? "$" : ValuePath(frames.Peek(), property);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        if (frames.Count > 0) frames.Peek().Index++;
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String
                            && InvalidString(ref reader, utf8, frames.Count == 0 ? "$" : ValuePath(frames.Peek(), property)) is { } badValue)
                            return [badValue];
                        if (frames.Count > 0) frames.Peek().Index++;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var (line, column) = TextPosition.OfLineByte(utf8, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return [new CaseError("$", $"malformed JSON at line {line}, column {column}: {Reason(ex.Message)}")];
        }
        return errors;
    }

    /// <summary>
    /// A string whose escapes do not make valid UTF-16 (a lone surrogate such as <c>"\ud800"</c>):
    /// the reader accepts it, but reading its value throws, so it is found here with its location.
    /// </summary>
    private static CaseError? InvalidString(ref Utf8JsonReader reader, byte[] utf8, string path)
    {
        if (!reader.ValueIsEscaped) return null;
        try
        {
            reader.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            var (line, column) = TextPosition.OfOffset(utf8, reader.TokenStartIndex);
            return new CaseError(path, $"invalid \\u escape at line {line}, column {column}: a UTF-16 surrogate must come in a high-low pair");
        }
    }

    private static string ValuePath(Frame parent, string? property) =>
        parent.Names is null ? $"{parent.Path}[{parent.Index}]" : Child(parent.Path, property!);

    private static string Child(string parent, string name) => JsonPaths.Child(parent, name);

    /// <summary>
    /// The parser's own words, without the location it appends (we give line and column) and
    /// without its advice to change reader options, which a case author cannot act on.
    /// </summary>
    private static string Reason(string message) =>
        LocationSuffix().Replace(message, "").Replace(" Change the reader options.", "").Trim();

    [GeneratedRegex(@"\s*(Path: \S* \|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$")]
    private static partial Regex LocationSuffix();

    private sealed class Frame(string path, HashSet<string>? names)
    {
        public string Path { get; } = path;
        public HashSet<string>? Names { get; } = names;
        public int Index { get; set; }
    }
}
