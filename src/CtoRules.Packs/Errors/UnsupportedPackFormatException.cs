namespace CtoRules.Packs;

/// <summary>
/// The pack is in a format, or needs an engine format version, that this library does not know:
/// it was made by a newer CtoRules. Upgrade the library; never guess at its meaning.
/// </summary>
public sealed class UnsupportedPackFormatException(string file, string message) : PackException(file, message);
