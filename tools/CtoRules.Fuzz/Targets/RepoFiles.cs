namespace CtoRules.Fuzz.Targets;

/// <summary>Finds the repository (the folder with rules/ruleset.yaml) and the fuzz seeds in it.</summary>
public static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        throw new InvalidOperationException("run inside the CtoRules repository: no rules/ruleset.yaml above the current folder");
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SeedFolder(string target) => Path("tools", "CtoRules.Fuzz", "seeds", target);

    /// <summary>The committed seed corpus of a target, sorted by file name.</summary>
    public static IReadOnlyList<byte[]> Seeds(string target)
    {
        var folder = SeedFolder(target);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]
            : [];
    }
}
