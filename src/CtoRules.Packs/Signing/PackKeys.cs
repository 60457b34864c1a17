using System.Security.Cryptography;

namespace CtoRules.Packs.Signing;

/// <summary>
/// ECDSA P-256 keys and signatures for packs. A signature is ECDSA over the 32 bytes of the
/// pack's SHA-256 digest (the same as ECDSA-with-SHA-256 over the canonical bytes), DER-encoded
/// (RFC 3279), base64 in the pack, so <c>openssl dgst -sha256 -verify</c> checks it too.
/// </summary>
public static class PackKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>A new P-256 signing key.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    public static string ExportPrivatePem(ECDsa key) => key.ExportPkcs8PrivateKeyPem() + "\n";

    /// <summary>The public key as SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public static string ExportPublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem() + "\n";

    /// <summary>Reads a PKCS#8 or SEC1 (<c>EC PRIVATE KEY</c>) PEM; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static ECDsa ImportPrivatePem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException("not a PEM-encoded EC private key: " + e.Message, nameof(pem), e);
        }
        RequireP256(key);
        return key;
    }

    /// <summary><c>sha256:</c> and the hex SHA-256 of the key's DER SubjectPublicKeyInfo.</summary>
    public static string KeyId(ECDsa key) => KeyIdOf(key.ExportSubjectPublicKeyInfo());

    internal static string KeyIdOf(byte[] spki) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(spki));

    /// <summary>Signs a pack digest (<c>sha256:&lt;hex&gt;</c>).</summary>
    public static PackSignature Sign(string digest, ECDsa key)
    {
        var value = key.SignHash(DigestBytes(digest), DSASignatureFormat.Rfc3279DerSequence);
        return new PackSignature(PackFormat.SignatureAlgorithm, KeyId(key), Convert.ToBase64String(value));
    }

    /// <summary>The 32 bytes of a <c>sha256:&lt;hex&gt;</c> digest.</summary>
    public static byte[] DigestBytes(string digest)
    {
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != 7 + 64)
            throw new FormatException($"'{digest}' is not a sha256:<64 hex digits> digest");
        return Convert.FromHexString(digest.AsSpan(7));
    }

    internal static void RequireP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve;
        if (curve.Oid?.Value != P256Oid && curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            throw new ArgumentException($"the key is on curve {curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "?"}, not P-256");
    }
}
