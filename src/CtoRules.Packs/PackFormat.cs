namespace CtoRules.Packs;

/// <summary>The pack file format (docs/packs.md).</summary>
public static class PackFormat
{
    /// <summary>The <c>format</c> field of every pack this library writes and reads.</summary>
    public const string FormatId = "ctorules/pack@1";

    /// <summary>
    /// The rule language and engine semantics a pack needs (<c>manifest.engineFormatVersion</c>).
    /// Raised when a change to the rule format or its evaluation would make an older engine
    /// read a pack differently; a loader refuses a pack that needs a newer engine.
    /// </summary>
    public const int EngineFormatVersion = 1;

    public const string Extension = ".ctopack.json";

    /// <summary>The signature algorithm: ECDSA on P-256 over the SHA-256 digest, DER-encoded.</summary>
    public const string SignatureAlgorithm = "ECDSA-P256-SHA256";

    /// <summary>A pack larger than this is refused before it is parsed (packs are untrusted input).</summary>
    public const long MaxPackBytes = 64L * 1024 * 1024;

    /// <summary><c>&lt;ruleset-id&gt;-&lt;version&gt;.ctopack.json</c>.</summary>
    public static string FileName(string ruleSetId, string version) => $"{ruleSetId}-{version}{Extension}";

    /// <summary>True for a pack file name; temporary files of an unfinished publish (<c>*.tmp</c>) are not packs.</summary>
    public static bool IsPackFile(string path) => Path.GetFileName(path).EndsWith(Extension, StringComparison.Ordinal);
}
