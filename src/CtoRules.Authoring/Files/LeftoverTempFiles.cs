using System.Text.RegularExpressions;

namespace CtoRules.Authoring.Files;

/// <summary>
/// Removes the temporary files that atomic writes killed before their rename left behind. Only
/// names our writers create (<c>[.]&lt;name&gt;.&lt;32 hex digits&gt;.tmp</c>: <see cref="AtomicFile.TempName"/>, and
/// the same name without the leading dot from writers of earlier versions), only in the folders
/// given, and only a file no process holds open for writing (the writer holds an exclusive lock
/// until it closes the file). Nothing else is ever deleted.
/// </summary>
public static partial class LeftoverTempFiles
{
    /// <summary>True for a name an interrupted atomic write leaves.</summary>
    public static bool IsTempName(string fileName) => TempPattern().IsMatch(fileName);

    /// <summary>
    /// Deletes the left-over temporary files in <paramref name="directory"/> (and its subfolders when
    /// <paramref name="recursive"/>); returns their paths. A missing folder has none.
    /// </summary>
    public static IReadOnlyList<string> Remove(string directory, bool recursive)
    {
        if (!Directory.Exists(directory)) return [];
        var removed = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(directory, "*.tmp", options))
        {
            if (!IsTempName(Path.GetFileName(file)) || IsBeingWritten(file)) continue;
            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next start; it is never read.
            }
        }
        return removed;
    }

    private static bool IsBeingWritten(string file)
    {
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    [GeneratedRegex(@"^\.?[^/\\]+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempPattern();
}
