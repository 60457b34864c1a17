namespace CtoRules.Inputs;

/// <summary>The content of an input file, or the reason it could not be read (then Bytes and Text are null).</summary>
public sealed record InputFileResult(byte[]? Bytes, string? Text, string? Error)
{
    internal static InputFileResult Ok(byte[] bytes) => new(bytes, null, null);

    internal static InputFileResult Fail(string error) => new(null, null, error);
}
