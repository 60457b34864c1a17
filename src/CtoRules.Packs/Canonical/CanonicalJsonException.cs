namespace CtoRules.Packs.Canonical;

/// <summary>A JSON value that has no canonical form (a fraction, an unpaired surrogate).</summary>
public sealed class CanonicalJsonException(string message) : Exception(message);
