using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>
/// Each rule file's parse and per-file checks, kept by content hash: after a one-rule edit the
/// editor's re-check reads one file again instead of every file (issue 14). Reading a file depends
/// only on its logical path, display name and text, so a cached draft and its diagnostics are
/// exactly what reading it again would give; the checks across files (binding, ids, references,
/// cycles) still run on every load. Bounded: cleared when it holds more than
/// <see cref="MaxEntries"/> versions.
/// </summary>
internal static class RuleFileCache
{
    private const int MaxEntries = 4096;
    private static readonly ConcurrentDictionary<string, (RuleDraft? Draft, Diagnostic[] Diagnostics)> Entries = new(StringComparer.Ordinal);

    public static RuleDraft? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var key = Key(source);
        if (!Entries.TryGetValue(key, out var entry))
        {
            var own = new List<Diagnostic>();
            entry = (RuleFileReader.Read(source, own), [.. own]);
            if (Entries.Count >= MaxEntries) Entries.Clear();
            Entries[key] = entry;
        }
        diagnostics.AddRange(entry.Diagnostics);
        // Later checks report on the draft's fields: into this load's list, not the cached one.
        return entry.Draft is null ? null : entry.Draft with { Fields = entry.Draft.Fields.ReportingTo(diagnostics) };
    }

    /// <summary>
    /// Reads the files not cached yet on every core (a cold load of the shipped rules is mostly
    /// first-time reading: issue 14's cold-load goal). Reading a file is a pure function of the file,
    /// so the order of reading does not matter; <see cref="Read"/> then takes the drafts and the
    /// diagnostics in file order, as before.
    /// </summary>
    public static void Warm(IReadOnlyList<SourceFile> sources)
    {
        var missing = new List<(string Key, SourceFile Source)>();
        foreach (var source in sources)
        {
            var key = Key(source);
            if (!Entries.ContainsKey(key)) missing.Add((key, source));
        }
        if (missing.Count < MinParallel) return;
        if (Entries.Count + missing.Count >= MaxEntries) Entries.Clear();
        Parallel.ForEach(missing, m =>
        {
            var own = new List<Diagnostic>();
            Entries[m.Key] = (RuleFileReader.Read(m.Source, own), [.. own]);
        });
    }

    /// <summary>Fewer files than this are read one after another (an editor's re-check after one edit).</summary>
    private const int MinParallel = 8;

    private static string Key(SourceFile source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source.Text));
        return source.Path + "\0" + source.Display + "\0" + Convert.ToHexString(hash);
    }
}
