namespace CtoRules.Cases;

/// <summary>
/// Thrown by <see cref="YamlJson.YamlToJson"/> when YAML text cannot become JSON: a syntax error,
/// a duplicate key, more than one document, an unsupported tag, too deep or alias-expanded too far.
/// </summary>
public sealed class YamlJsonException : FormatException
{
    public YamlJsonException(string reason, long line, long column, string? path = null)
        : base($"line {line}, column {column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
        Path = path;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based line of the problem.</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public long Column { get; }

    /// <summary>
    /// The JSON path of the offending property when the YAML itself is well formed but cannot be
    /// JSON (a duplicate key); null for syntax errors.
    /// </summary>
    public string? Path { get; }
}
