using System.Text;
using System.Text.Json.Nodes;
using CtoRules.Inputs;

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
    /// Reads a case from a UTF-8 JSON body (an HTTP request): invalid UTF-8 is an error at
    /// <c>$</c> with its line and column, never silently replaced.
    /// </summary>
    public static CaseReadResult ReadUtf8Json(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > CaseSchema.MaxInputBytes) return TooLarge(utf8.Length);
        return StrictUtf8.TryDecode(utf8, out var text, out var error) ? ReadJson(text) : CaseReadResult.Invalid("$", error!);
    }

    /// <summary>
    /// Reads a case file: <c>.json</c> as JSON, <c>.yaml</c> or <c>.yml</c> as YAML. A missing
    /// file, a folder, a device or FIFO, invalid UTF-8, other extensions and files over
    /// <see cref="CaseSchema.MaxInputBytes"/> are reported as an error at <c>$</c>.
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
        // Read first: a missing file is "no such file", whatever its name.
        var input = InputFile.ReadText(path, CaseSchema.MaxInputBytes);
        if (input.Error is not null)
        {
            // A regular file over the limit gives its size; a device has none.
            if (input.Error.StartsWith("it is larger", StringComparison.Ordinal) && new FileInfo(path).Length > CaseSchema.MaxInputBytes)
                return TooLarge(new FileInfo(path).Length);
            return CaseReadResult.Invalid("$", $"cannot read the file: {input.Error}");
        }
        if (read is null)
            return CaseReadResult.Invalid("$", extension.Length == 0
                ? "the file name has no extension; expected .json, .yaml or .yml"
                : $"unsupported file extension '{extension}'; expected .json, .yaml or .yml");
        return read(input.Text!);
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
