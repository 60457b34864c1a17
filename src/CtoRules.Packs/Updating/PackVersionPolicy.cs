using Semver;

namespace CtoRules.Packs.Updating;

/// <summary>
/// Which published versions a <see cref="PackWatcher"/> may switch to. A new major version of a
/// rule pack may change advice in ways an app has to review, so the default stays within the
/// major version of the first pack loaded; <see cref="FollowNewest"/> takes every newer version and
/// <see cref="Pin"/> one exact version. A watcher only ever moves to a newer version.
/// </summary>
public sealed class PackVersionPolicy
{
    private PackVersionPolicy(PackVersionPolicyKind kind, int? major, SemVersion? pinned)
    {
        Kind = kind;
        Major = major;
        Pinned = pinned;
    }

    /// <summary>Which of the three policies this is.</summary>
    public PackVersionPolicyKind Kind { get; }

    /// <summary>For <see cref="PackVersionPolicyKind.SameMajor"/>: the major version, or null for "the major of the first pack loaded".</summary>
    public int? Major { get; }

    /// <summary>For <see cref="PackVersionPolicyKind.Pin"/>: the one version allowed.</summary>
    public SemVersion? Pinned { get; }

    /// <summary>Every newer version, across major versions.</summary>
    public static PackVersionPolicy FollowNewest { get; } = new(PackVersionPolicyKind.FollowNewest, null, null);

    /// <summary>Newer versions with the major version of the first pack loaded (the default).</summary>
    public static PackVersionPolicy SameMajor() => new(PackVersionPolicyKind.SameMajor, null, null);

    /// <summary>Newer versions with the given major version only.</summary>
    public static PackVersionPolicy SameMajor(int major) =>
        major < 0 ? throw new ArgumentOutOfRangeException(nameof(major)) : new(PackVersionPolicyKind.SameMajor, major, null);

    /// <summary>Exactly <paramref name="version"/> (a semantic version such as <c>1.2.0</c>).</summary>
    public static PackVersionPolicy Pin(string version) =>
        new(PackVersionPolicyKind.Pin, null, SemVersion.TryParse(version, SemVersionStyles.Strict, out var v)
            ? v : throw new ArgumentException($"'{version}' is not a semantic version", nameof(version)));

    /// <summary>
    /// Why <paramref name="candidate"/> may not replace <paramref name="current"/> (null when no pack
    /// is loaded yet), or null when the policy allows it. Versions that are not newer are not
    /// refused here; the watcher simply ignores them.
    /// </summary>
    public string? Refuses(SemVersion candidate, SemVersion? current)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        switch (Kind)
        {
            case PackVersionPolicyKind.Pin:
                return candidate == Pinned ? null : $"version {candidate} is not the pinned version {Pinned}";
            case PackVersionPolicyKind.SameMajor:
                var major = Major ?? (int?)current?.Major;
                return major is null || candidate.Major == major
                    ? null
                    : $"version {candidate} leaves major version {major} (the policy stays within it; use FollowNewest or SameMajor({candidate.Major}) to move)";
            default:
                return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        PackVersionPolicyKind.Pin => $"pin {Pinned}",
        PackVersionPolicyKind.SameMajor => Major is { } m ? $"same major ({m})" : "same major as the first pack",
        _ => "follow newest",
    };
}
