using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>
/// Each source's parse and per-file checks, kept by reader, logical path, display name and content
/// hash: after a one-rule edit the editor's re-check reads one file again instead of every file
/// (issue 14), and the manifest, bibliography, review sections and score definitions, which a
/// rule edit does not touch, are not parsed again either (the YAML parse of the bibliography was
/// most of a re-check, and of a fuzz input: docs/reliability.md). Reading a source depends only
/// on its logical path, display name and text, so a cached value and its diagnostics are exactly
/// what reading it again would give; the checks across files (binding, ids, references, cycles)
/// still run on every load. Cached values are immutable, or re-targeted by the caller (a draft's
/// fields report into the new load's list). Bounded: cleared when it holds more than
/// <see cref="MaxEntries"/> versions or <see cref="MaxChars"/> characters of source text.
/// </summary>
internal static class SourceReadCache
{
    private const int MaxEntries = 4096;
    private const long MaxChars = 32L * 1024 * 1024;
    private static readonly ConcurrentDictionary<string, (object? Value, Diagnostic[] Diagnostics)> Entries = new(StringComparer.Ordinal);
    private static long _chars;

    /// <summary>
    /// What <paramref name="read"/> gives for <paramref name="source"/>, its diagnostics added to
    /// <paramref name="diagnostics"/>; <paramref name="reader"/> names the reader in the key.
    /// </summary>
    public static T Read<T>(string reader, SourceFile source, List<Diagnostic> diagnostics, Func<SourceFile, List<Diagnostic>, T> read)
    {
        var key = Key(reader, source);
        if (!Entries.TryGetValue(key, out var entry))
        {
            var own = new List<Diagnostic>();
            entry = (read(source, own), [.. own]);
            if (Entries.Count >= MaxEntries || Interlocked.Add(ref _chars, source.Text.Length) > MaxChars)
            {
                Entries.Clear();
                Interlocked.Exchange(ref _chars, source.Text.Length);
            }
            Entries[key] = entry;
        }
        diagnostics.AddRange(entry.Diagnostics);
        return (T)entry.Value!;
    }

    /// <summary>
    /// Reads the sources not cached yet in parallel when there are at least
    /// <paramref name="minParallel"/> of them; <see cref="Read"/> then takes each in order.
    /// </summary>
    public static void Warm<T>(string reader, IReadOnlyList<SourceFile> sources, Func<SourceFile, List<Diagnostic>, T> read, int minParallel)
    {
        var missing = new List<(string Key, SourceFile Source)>();
        foreach (var source in sources)
        {
            var key = Key(reader, source);
            if (!Entries.ContainsKey(key)) missing.Add((key, source));
        }
        if (missing.Count < minParallel) return;
        var chars = missing.Sum(m => (long)m.Source.Text.Length);
        if (Entries.Count + missing.Count >= MaxEntries || Interlocked.Add(ref _chars, chars) > MaxChars)
        {
            Entries.Clear();
            Interlocked.Exchange(ref _chars, chars);
        }
        Parallel.ForEach(missing, m =>
        {
            var own = new List<Diagnostic>();
            Entries[m.Key] = (read(m.Source, own), [.. own]);
        });
    }

    private static string Key(string reader, SourceFile source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source.Text));
        return reader + "\0" + source.Path + "\0" + source.Display + "\0" + Convert.ToHexString(hash);
    }
}
