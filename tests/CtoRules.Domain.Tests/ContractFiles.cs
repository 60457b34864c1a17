namespace CtoRules.Domain.Tests;

/// <summary>
/// Locates shared/contract. CI lays the shared folder beside the clone, so it is found from the
/// folder holding CtoRules.sln rather than by a fixed path.
/// </summary>
internal static class ContractFiles
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtoRules.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no CtoRules.sln above {AppContext.BaseDirectory}");
    }

    private static string Locate()
    {
        var contract = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "contract"));
        if (!System.IO.Directory.Exists(contract))
            throw new InvalidOperationException($"the shared contract is expected beside the repository, at {contract}");
        return contract;
    }
}
