using System.Runtime.InteropServices;

namespace CtoRules.Inputs;

/// <summary>
/// The type of a file (regular, FIFO, device...), which .NET does not expose. On Linux it asks
/// <c>statx</c>, whose layout is the same on every architecture; elsewhere it answers null and
/// the byte limit while reading is the only guard.
/// </summary>
internal static partial class FileKind
{
    public const int Regular = 0x8000;
    private const int TypeMask = 0xF000;
    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <summary>The S_IFMT bits of the file (symbolic links followed), or null when unknown.</summary>
    public static int? Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return null;
            // struct statx: stx_mode is a __u16 at byte offset 28.
            return BitConverter.ToUInt16(buffer, 28) & TypeMask;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public static string Describe(int kind) => kind switch
    {
        0x1000 => "FIFO",
        0x2000 => "character device",
        0x6000 => "block device",
        0xC000 => "socket",
        0x4000 => "folder",
        _ => "special file",
    };
}
