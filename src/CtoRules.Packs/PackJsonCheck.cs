using System.Text.Json;

namespace CtoRules.Packs;

/// <summary>
/// Finds a JSON string or property name whose escapes are not valid UTF-16 (a lone surrogate such
/// as <c>"\ud800"</c>). System.Text.Json parses such text, then throws an undocumented
/// InvalidOperationException when the value is read; the loader must throw a PackException instead.
/// </summary>
internal static class PackJsonCheck
{
    public static string? FirstInvalidString(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return $"a string at byte offset {reader.TokenStartIndex} has an invalid \\u escape (a lone UTF-16 surrogate)";
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the parser that follows, with its own message.
        }
        return null;
    }
}
