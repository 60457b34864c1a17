namespace CtoRules.Audit.Storage;

/// <summary>
/// The repository root is the folder holding <c>rules/ruleset.yaml</c>, found by walking up from
/// the current folder and then from the app's base folder. Its <c>data/</c> (git-ignored) holds
/// the default database and the host's checkpoint key.
/// </summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        }
        return null;
    }

    /// <summary><c>data/</c> under the root, or under the current folder when there is no root.</summary>
    public static string DataFolder() => Path.Combine(Find() ?? Environment.CurrentDirectory, "data");

    /// <summary><c>packs/</c> under the root, or under the current folder when there is no root.</summary>
    public static string PacksFolder() => Path.Combine(Find() ?? Environment.CurrentDirectory, "packs");
}
