namespace CtoRules.Packs;

/// <summary>
/// The pack was altered or damaged: its content does not hash to its digest, it is not valid
/// JSON, or its parts contradict each other.
/// </summary>
public sealed class PackIntegrityException(string file, string message) : PackException(file, message);
