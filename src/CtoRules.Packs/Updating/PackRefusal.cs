namespace CtoRules.Packs.Updating;

/// <summary>Why a <see cref="PackWatcher"/> refused a pack.</summary>
public enum PackRefusal
{
    /// <summary>The content does not match its digest, is not a pack, or contradicts its listing (<see cref="PackIntegrityException"/>).</summary>
    Integrity,

    /// <summary>Unsigned, or not signed by a trusted key (<see cref="PackSignatureException"/>).</summary>
    Signature,

    /// <summary>The pack needs a newer pack or engine format than this library (<see cref="UnsupportedPackFormatException"/>).</summary>
    UnsupportedFormat,

    /// <summary>The pack verified but its rules do not read or compile under this library (<see cref="PackContentException"/>).</summary>
    Content,

    /// <summary>The version is outside the watcher's <see cref="PackVersionPolicy"/>.</summary>
    VersionPolicy,

    /// <summary>The pack could not be read from its source (I/O or HTTP error).</summary>
    Unreadable,
}
