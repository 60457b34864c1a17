namespace CtoRules.Inputs;

/// <summary>
/// Reads a whole input file (a case, a rule file, a pack) with a hard byte limit. The limit is
/// enforced while reading, not from <see cref="FileInfo.Length"/>, which is 0 for devices such as
/// <c>/dev/zero</c>; files that are not regular files (devices, FIFOs, sockets) are refused before
/// they are opened, because opening a FIFO blocks until something writes to it.
/// </summary>
public static class InputFile
{
    /// <summary>The bytes of the file, or a one-line reason (without the path) why it cannot be read.</summary>
    public static InputFileResult ReadBytes(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path)) return InputFileResult.Fail("it is a folder, not a file");
            var info = new FileInfo(path);
            if (!info.Exists)
                return InputFileResult.Fail(info.LinkTarget is not null ? "it is a broken symbolic link" : "no such file");
            if (FileKind.Of(path) is { } kind && kind != FileKind.Regular)
                return InputFileResult.Fail($"it is not a regular file (it is a {FileKind.Describe(kind)})");

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    return InputFileResult.Fail($"it is larger than the limit of {maxBytes} bytes");
                buffer.Write(chunk, 0, n);
            }
            return InputFileResult.Ok(buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return InputFileResult.Fail(e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }
    }

    /// <summary>The file as strict UTF-8 text (see <see cref="StrictUtf8"/>), or a one-line reason.</summary>
    public static InputFileResult ReadText(string path, long maxBytes)
    {
        var read = ReadBytes(path, maxBytes);
        if (read.Error is not null) return read;
        return StrictUtf8.TryDecode(read.Bytes!, out var text, out var error)
            ? read with { Text = text }
            : InputFileResult.Fail(error!);
    }
}
