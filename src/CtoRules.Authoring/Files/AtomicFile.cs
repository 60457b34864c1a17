using System.Text;

namespace CtoRules.Authoring.Files;

/// <summary>
/// The one atomic writer of the site, the CLI and the stores (rule files, corpus cases, journals,
/// the manifest, packs, checkpoints). The text goes to a temporary file beside the target
/// (<see cref="TempName"/>), is flushed to disk, renamed into place, and then the folder itself is
/// flushed (<see cref="DirectorySync"/>), so the rename survives a power cut and not only a killed
/// process. A reader sees the old file or the whole new one, never half of either; a process killed
/// before the rename leaves only the temporary file, which no reader takes for a rule, case or pack
/// (a leading dot and a <c>.tmp</c> suffix) and which <see cref="LeftoverTempFiles"/> removes at
/// the next start.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes or replaces <paramref name="path"/>.</summary>
    public static void Replace(string path, string text) => Write(path, text, overwrite: true, beforeCommit: null);

    /// <summary>
    /// Writes a new file and never over an existing one: the rename fails if the target appeared
    /// meanwhile, so two publishers cannot both win. <paramref name="beforeCommit"/> is called with
    /// the temporary file once it is written, before the rename (crash tests).
    /// </summary>
    public static void WriteNew(string path, string text, Action<string>? beforeCommit = null)
    {
        if (File.Exists(path)) throw new IOException($"{path} already exists; it is never overwritten");
        Write(path, text, overwrite: false, beforeCommit);
    }

    /// <summary>
    /// The temporary name for <paramref name="path"/>: <c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp</c> in the same
    /// folder (a rename within one folder is atomic; across file systems it is not).
    /// </summary>
    public static string TempName(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

    private static void Write(string path, string text, bool overwrite, Action<string>? beforeCommit)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = TempName(full);
        try
        {
            // FileShare.None also takes an advisory lock on Unix: the start-up clean-up skips a file
            // that another process is still writing.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            beforeCommit?.Invoke(temp);
            File.Move(temp, full, overwrite);
            DirectorySync.Flush(dir);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
