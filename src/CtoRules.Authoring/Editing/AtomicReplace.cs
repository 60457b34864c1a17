using System.Text;

namespace CtoRules.Authoring.Editing;

/// <summary>Replaces a file atomically: a temporary file beside it, flushed, then renamed over it, so a
/// reader sees the old text or the new one, never half of either.</summary>
public static class AtomicReplace
{
    public static void Write(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        // A leading dot and a .tmp suffix: the rule reader only takes *.md, so a left-over is never read as a rule.
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
