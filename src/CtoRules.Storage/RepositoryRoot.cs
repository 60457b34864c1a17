namespace CtoRules.Storage;

/// <summary>
/// Finds the repository root: the folder holding <c>rules/ruleset.yaml</c>, walking up from the
/// current directory and then from the app's base directory, so that
/// <c>dotnet run --project src/CtoRules.Web</c> works from any folder.
/// </summary>
public static class RepositoryRoot
{
    public static string? Find(params string[] startFolders)
    {
        foreach (var start in startFolders.Append(Environment.CurrentDirectory).Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml"))) return dir.FullName;
        }
        return null;
    }
}
