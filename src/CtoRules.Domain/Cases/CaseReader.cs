using System.Text;
using System.Text.Json.Nodes;

namespace CtoRules.Cases;

/// <summary>
/// Reads and validates <c>ctorules/case@1</c> (shared/contract/case-format.md) from JSON, YAML, a
/// file or an already parsed JSON tree. Nothing malformed escapes as an exception: every problem
/// is a <see cref="CaseError"/> with its JSON path, and all of them are reported at once.
/// </summary>
public static class CaseReader
{
    /// <summary>Reads a case from JSON text.</summary>
    public static CaseReadResult ReadJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WithoutBom(text);
        if (SizeError(text) is { } tooLarge) return tooLarge;
        var (node, errors) = JsonText.Parse(text);
        return errors.Count > 0 ? CaseReadResult.Invalid(errors) : Read(node);
    }

    /// <summary>Reads a case from YAML text of the same shape as the JSON.</summary>
    public static CaseReadResult ReadYaml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WithoutBom(text);
        if (SizeError(text) is { } tooLarge) return tooLarge;
        JsonNode? node;
        try
        {
            node = YamlJson.YamlToJson(text);
        }
        catch (YamlJsonException ex)
        {
            return ex.Path is null
                ? CaseReadResult.Invalid("$", $"malformed YAML at line {ex.Line}, column {ex.Column}: {ex.Reason}")
                : CaseReadResult.Invalid(ex.Path, $"{ex.Reason} at line {ex.Line}, column {ex.Column}");
        }
        return Read(node);
    }

    /// <summary>
    /// Reads a case file: <c>.json</c> as JSON, <c>.yaml</c> or <c>.yml</c> as YAML. Other
    /// extensions, unreadable files and files over <see cref="CaseSchema.MaxInputBytes"/> are
    /// reported as an error at <c>$</c>.
    /// </summary>
    public static CaseReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        Func<string, CaseReadResult>? read = extension switch
        {
            ".json" => ReadJson,
            ".yaml" or ".yml" => ReadYaml,
            _ => null,
        };
        if (read is null)
            return CaseReadResult.Invalid("$", extension.Length == 0
                ? "the file name has no extension; expected .json, .yaml or .yml"
                : $"unsupported file extension '{extension}'; expected .json, .yaml or .yml");

        string text;
        try
        {
            // Checked before reading so that a huge file is never loaded into memory.
            var length = new FileInfo(path).Length;
            if (length > CaseSchema.MaxInputBytes) return TooLarge(length);
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return CaseReadResult.Invalid("$", $"cannot read the file: {ex.Message}");
        }
        return read(text);
    }

    /// <summary>
    /// Validates an already parsed case (for example the <c>case</c> block of a corpus file read
    /// with <see cref="YamlJson.YamlToJson"/>). The node is not modified.
    /// </summary>
    public static CaseReadResult Read(JsonNode? node) => CaseValidator.Validate(node);

    private static CaseReadResult? SizeError(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > CaseSchema.MaxInputBytes ? TooLarge(bytes) : null;
    }

    private static CaseReadResult TooLarge(long bytes) => CaseReadResult.Invalid("$",
        $"the input is {bytes} bytes, over the limit of {CaseSchema.MaxInputBytes} bytes (1 MiB)");

    private static string WithoutBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
