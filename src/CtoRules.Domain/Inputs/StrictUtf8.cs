using System.Text;
using System.Text.Unicode;

namespace CtoRules.Inputs;

/// <summary>
/// Decodes input bytes as UTF-8 and refuses anything else with a located reason, instead of
/// silently replacing bad bytes with U+FFFD (which would then be sealed into a published pack).
/// A UTF-8 byte order mark is dropped; a UTF-16 or UTF-32 one is refused by name.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? error) =>
        TryDecode(bytes, out text, out error, out _, out _);

    /// <summary>As above, with the one-based line and column of the first bad byte (1, 1 for a byte order mark).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? error, out int line, out int column)
    {
        text = "";
        line = 1;
        column = 1;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            error = "the text is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8";
            return false;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (Utf8.IsValid(bytes))
        {
            text = Strict.GetString(bytes);
            error = null;
            return true;
        }
        var offset = FirstInvalid(bytes);
        (line, column) = Locate(bytes, offset);
        error = $"invalid UTF-8 at line {line}, column {column} (byte 0x{bytes[offset]:X2} at offset {offset}); the text must be UTF-8";
        return false;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return bytes.Length - 1;
    }

    /// <summary>One-based line and column (in characters) of a byte offset in valid UTF-8 before it.</summary>
    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
