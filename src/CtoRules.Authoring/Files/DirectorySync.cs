using System.Runtime.InteropServices;

namespace CtoRules.Authoring.Files;

/// <summary>
/// Flushes a folder's entries to disk (<c>fsync</c> on the folder), which makes a rename into it
/// durable: flushing the file alone keeps its bytes, not its new name. .NET cannot open a folder as
/// a file handle (it refuses directories), so this calls the C library. Windows has no equivalent
/// for folders (NTFS journals the rename), so there it does nothing.
/// </summary>
public static partial class DirectorySync
{
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, 0 /* O_RDONLY: a folder opens read-only for fsync */);
        if (fd < 0) throw new IOException($"cannot open the folder {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            // EINVAL: a file system that does not support fsync on folders (some network mounts); the rename happened.
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != EInval)
                throw new IOException($"cannot flush the folder {directory} (errno {errno})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private const int EInval = 22;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
