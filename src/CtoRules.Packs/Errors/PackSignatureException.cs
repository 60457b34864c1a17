namespace CtoRules.Packs;

/// <summary>
/// The trust policy asks for a signature and the pack has none, or its signature does not verify
/// against any of the trusted public keys.
/// </summary>
public sealed class PackSignatureException(string file, string message) : PackException(file, message);
