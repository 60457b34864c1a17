using System.Security.Cryptography;

namespace CtoRules.Packs.Signing;

/// <summary>
/// A trusted P-256 public key, from a SubjectPublicKeyInfo PEM (<c>-----BEGIN PUBLIC KEY-----</c>).
/// Its id is <c>sha256:</c> and the hex SHA-256 of the DER SubjectPublicKeyInfo.
/// </summary>
public sealed class PackPublicKey
{
    private readonly byte[] _spki;

    private PackPublicKey(byte[] spki)
    {
        _spki = spki;
        KeyId = PackKeys.KeyIdOf(spki);
    }

    public string KeyId { get; }

    /// <summary>Reads a PEM public key; throws <see cref="ArgumentException"/> when it is not an EC P-256 key.</summary>
    public static PackPublicKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        // ImportFromPem takes a private key too; a private key given as the trusted one is refused
        // so that it is not passed around (or committed) as if it were public.
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            throw new ArgumentException("this is a private key; give the public key (.pub.pem) and keep the private key secret", nameof(pem));
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ArgumentException("not a PEM-encoded EC public key: " + e.Message, nameof(pem), e);
        }
        PackKeys.RequireP256(key);
        return new PackPublicKey(key.ExportSubjectPublicKeyInfo());
    }

    public static PackPublicKey FromFile(string path) => FromPem(File.ReadAllText(path));

    /// <summary>True when <paramref name="signature"/> (DER) is this key's signature over <paramref name="digest"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_spki, out _);
        return key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
    }

    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", _spki) + "\n";
}
