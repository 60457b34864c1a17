using Semver;

namespace CtoRules.Authoring.Versioning;

/// <summary>How much a release's semantic version must rise (docs/packs.md, "Suggested bump").</summary>
public enum VersionBump
{
    None = 0,
    Patch = 1,
    Minor = 2,
    Major = 3,
}

public static class VersionBumps
{
    /// <summary>The lowest version a release with this bump may take after <paramref name="previous"/>.</summary>
    public static SemVersion Apply(this VersionBump bump, SemVersion previous) => bump switch
    {
        VersionBump.Major => new SemVersion(previous.Major + 1, 0, 0),
        VersionBump.Minor => new SemVersion(previous.Major, previous.Minor + 1, 0),
        VersionBump.Patch => new SemVersion(previous.Major, previous.Minor, previous.Patch + 1),
        _ => previous,
    };

    public static string Name(this VersionBump bump) => bump.ToString().ToLowerInvariant();

    public static SemVersion Parse(string version) => SemVersion.Parse(version, SemVersionStyles.Strict);
}
