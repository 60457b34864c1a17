using System.Text;

namespace CtoRules.Authoring.Publishing;

/// <summary>
/// Writes a new file atomically and never over an existing one: the text goes to a temporary
/// file beside the target (<c>&lt;name&gt;.&lt;random&gt;.tmp</c>), is flushed to disk, then renamed.
/// A process killed before the rename leaves only the temporary file, which no reader takes for
/// a pack; the rename fails if the target appeared meanwhile.
/// </summary>
public static class AtomicFile
{
    public static void WriteNew(string path, string text, Action<string>? beforeCommit = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        if (File.Exists(path)) throw new IOException($"{path} already exists; it is never overwritten");
        var temp = Path.Combine(dir, $"{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            beforeCommit?.Invoke(temp);
            // overwrite: false fails if the target exists, so two publishers cannot both win.
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
