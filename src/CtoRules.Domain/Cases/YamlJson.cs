using System.Text.Json.Nodes;

namespace CtoRules.Cases;

/// <summary>
/// Converts YAML text to the equivalent JSON tree, so that every reader (cases, corpus files)
/// validates one shape whichever syntax a file uses. Scalars are typed as in the YAML 1.2 core
/// schema: <c>true</c>/<c>false</c> become booleans, numbers become numbers, <c>null</c>,
/// <c>~</c> and empty become null, other plain text and every quoted scalar stay strings.
/// </summary>
public static class YamlJson
{
    /// <summary>
    /// The JSON tree of a single YAML document, or null when the text holds no document (empty or
    /// only comments) or the document is <c>null</c>. Mapping keys keep their document order.
    /// </summary>
    /// <exception cref="YamlJsonException">The text is not YAML, holds more than one document,
    /// repeats a key, uses an unsupported tag, nests deeper than 64 levels or expands aliases too far.</exception>
    public static JsonNode? YamlToJson(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return YamlEventReader.Read(yaml);
    }
}
