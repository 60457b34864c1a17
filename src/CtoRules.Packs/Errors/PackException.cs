namespace CtoRules.Packs;

/// <summary>
/// A pack that cannot be trusted or used. The message names the pack and the reason; catch a
/// subtype to tell integrity, signature and format problems apart.
/// </summary>
public abstract class PackException(string file, string message) : Exception($"{file}: {message}")
{
    /// <summary>The pack's path, or the name given for a stream.</summary>
    public string File { get; } = file;

    /// <summary>The reason without the file name.</summary>
    public string Reason { get; } = message;
}
