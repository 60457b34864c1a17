using System.Collections.Immutable;

namespace CtoRules.Packs.Signing;

/// <summary>
/// What a loader requires of a pack besides a matching digest. <see cref="DigestOnly"/> checks
/// integrity only (anyone can make a pack with a matching digest); <see cref="SignedBy(PackPublicKey[])"/>
/// also requires a signature by one of the given keys, which is what proves who published it.
/// </summary>
public sealed class PackTrust
{
    private PackTrust(bool requireSignature, ImmutableArray<PackPublicKey> keys)
    {
        RequireSignature = requireSignature;
        TrustedKeys = keys;
    }

    public bool RequireSignature { get; }
    public ImmutableArray<PackPublicKey> TrustedKeys { get; }

    /// <summary>
    /// The safe default, used by <c>RulePack.Load(path)</c>: a signature is required, and as no key
    /// is trusted, every pack is refused with a message naming the two explicit choices.
    /// </summary>
    public static PackTrust Default { get; } = new(true, []);

    /// <summary>
    /// The digest must match; a signature, if any, is not checked and names nobody. An explicit
    /// opt-out: anyone can make a pack with a matching digest.
    /// </summary>
    public static PackTrust DigestOnly { get; } = new(false, []);

    /// <summary>The digest must match and the pack must be signed by one of <paramref name="keys"/>.</summary>
    public static PackTrust SignedBy(params PackPublicKey[] keys) =>
        keys.Length == 0 ? throw new ArgumentException("at least one trusted public key is needed", nameof(keys)) : new(true, [.. keys]);

    /// <summary>As <see cref="SignedBy(PackPublicKey[])"/>, from PEM files.</summary>
    public static PackTrust SignedByKeyFiles(params string[] publicKeyFiles) =>
        SignedBy([.. publicKeyFiles.Select(PackPublicKey.FromFile)]);
}
