using System.Text;

namespace CtoRules.Fuzz.Fuzzing;

/// <summary>
/// Byte-level mutations in the style of AFL's havoc stage, plus the hostile shapes a reader of
/// untrusted text must survive: deep nesting, long repetitions, byte order marks, invalid UTF-8,
/// lone surrogate escapes and huge numbers.
/// </summary>
public sealed class Mutator(IReadOnlyList<string> dictionary)
{
    private static readonly string[] Hostile =
    [
        "\uFEFF", "\0", "\r\n", "\t", "\\ud800", "\\udc00x", "\\u0000", "NaN", "Infinity", "-Infinity", "-0", "1e400",
        "-1e400", "1e-400", "9999999999999999999999999", "0x10", "1_000", "\"", "'", "\\", "&a ", "*a", "!!binary ",
        "!!str ", "<<: *a", "? ", "- ", ": ", "---\n", "...\n", "{", "}", "[", "]", "(", ")", ",", "#", "%YAML 1.1\n",
        "~", "null", "true", "false", "yes", "no", "\u00e9", "\u202e", "\U0001F600",
    ];

    private static readonly byte[][] BadBytes = [[0xFF], [0xFE], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE]];

    private static readonly string[] Openers = ["[", "{\"a\":", "(", "not ", "- ", "a:\n ", "[[", "{", "known(", "score("];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, Random random, int maxBytes)
    {
        var data = new List<byte>(input);
        var rounds = 1 << random.Next(0, 4);
        for (var i = 0; i < rounds; i++) MutateOnce(data, corpus, random);
        if (data.Count > maxBytes) data.RemoveRange(maxBytes, data.Count - maxBytes);
        return [.. data];
    }

    private void MutateOnce(List<byte> data, IReadOnlyList<byte[]> corpus, Random random)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(16))
        {
            case 0 when data.Count > 0:
                var bit = random.Next(data.Count);
                data[bit] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 2:
                data.Insert(at, (byte)random.Next(32, 127));
                break;
            case 3 when data.Count > 0:
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(Math.Min(64, data.Count))));
                break;
            case 4 when data.Count > 0:
                var from = random.Next(data.Count);
                var chunk = data.GetRange(from, Math.Min(data.Count - from, 1 + random.Next(32)));
                data.InsertRange(at, chunk);
                break;
            case 5 or 6 when dictionary.Count > 0:
                data.InsertRange(at, Encoding.UTF8.GetBytes(dictionary[random.Next(dictionary.Count)]));
                break;
            case 7:
                data.InsertRange(at, Encoding.UTF8.GetBytes(Hostile[random.Next(Hostile.Length)]));
                break;
            case 8:
                data.InsertRange(at, BadBytes[random.Next(BadBytes.Length)]);
                break;
            case 9:
                // Deep nesting: the reader must bound its recursion, not overflow the stack.
                var opener = Openers[random.Next(Openers.Length)];
                data.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(opener, 1 << random.Next(15)))));
                break;
            case 10 when data.Count > 0:
                // A long repetition of a piece of the input (long lines, many keys, many items).
                var s = random.Next(data.Count);
                var piece = data.GetRange(s, Math.Min(data.Count - s, 1 + random.Next(16)));
                var times = 1 + random.Next(2000);
                var repeated = new List<byte>(piece.Count * times);
                for (var t = 0; t < times; t++) repeated.AddRange(piece);
                data.InsertRange(at, repeated);
                break;
            case 11 when corpus.Count > 0:
                // Splice: the head of this input with the tail of another.
                var other = corpus[random.Next(corpus.Count)];
                if (other.Length == 0) break;
                var cut = random.Next(other.Length);
                if (at < data.Count) data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 12 when data.Count > 0:
                data.RemoveRange(at == data.Count ? data.Count - 1 : at, data.Count - (at == data.Count ? data.Count - 1 : at));
                break;
            case 13 when data.Count > 0:
                // A digit run becomes an extreme number.
                var digit = data.FindIndex(random.Next(data.Count), b => b is >= (byte)'0' and <= (byte)'9');
                if (digit >= 0) data.InsertRange(digit, Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "-", 1 => "99999999999", 2 => ".5e30", _ => "e-9" }));
                break;
            case 14 when data.Count > 1:
                // Swap two bytes: reorders keys, operators and brackets.
                var a = random.Next(data.Count);
                var b = random.Next(data.Count);
                (data[a], data[b]) = (data[b], data[a]);
                break;
            default:
                data.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
        }
    }
}
