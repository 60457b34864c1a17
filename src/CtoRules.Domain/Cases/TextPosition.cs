namespace CtoRules.Cases;

/// <summary>
/// Line and column (both 1-based) in UTF-8 text. System.Text.Json reports byte offsets; authors
/// count characters, so a column is the number of code points before the position, plus one.
/// </summary>
internal static class TextPosition
{
    /// <summary>The position of the byte at <paramref name="offset"/>.</summary>
    public static (long Line, long Column) OfOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..(int)offset];
        var line = 1L + before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, 1 + CodePoints(before[lineStart..]));
    }

    /// <summary>The position given as System.Text.Json gives it: 0-based line and byte in that line.</summary>
    public static (long Line, long Column) OfLineByte(ReadOnlySpan<byte> utf8, long lineNumber, long bytePositionInLine)
    {
        var lineStart = 0;
        for (var n = 0L; n < lineNumber; n++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0) break;
            lineStart += next + 1;
        }
        var end = (int)Math.Min(utf8.Length, lineStart + Math.Max(0, bytePositionInLine));
        return (lineNumber + 1, 1 + CodePoints(utf8[lineStart..end]));
    }

    // Every UTF-8 code point has exactly one byte that is not a continuation byte (10xxxxxx).
    private static long CodePoints(ReadOnlySpan<byte> utf8)
    {
        var n = 0L;
        foreach (var b in utf8)
            if ((b & 0xC0) != 0x80) n++;
        return n;
    }
}
