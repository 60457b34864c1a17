namespace CtoRules.Packs;

/// <summary>
/// The <c>signature</c> block of a pack: the algorithm, the id of the key that signed
/// (<c>sha256:</c> of its SubjectPublicKeyInfo) and the base64 DER signature over the digest.
/// </summary>
public sealed record PackSignature(string Algorithm, string KeyId, string Value);
