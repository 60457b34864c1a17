using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>
/// A rule file's parse and per-file checks through <see cref="SourceReadCache"/>: after a one-rule
/// edit the editor's re-check reads one file again instead of every file (issue 14).
/// </summary>
internal static class RuleFileCache
{
    private const string Reader = "rule";

    /// <summary>Fewer files than this are read one after another (an editor's re-check after one edit).</summary>
    private const int MinParallel = 8;

    public static RuleDraft? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var draft = SourceReadCache.Read<RuleDraft?>(Reader, source, diagnostics, RuleFileReader.Read);
        // Later checks report on the draft's fields: into this load's list, not the cached one.
        return draft is null ? null : draft with { Fields = draft.Fields.ReportingTo(diagnostics) };
    }

    /// <summary>
    /// Reads the files not cached yet on every core (a cold load of the shipped rules is mostly
    /// first-time reading: issue 14's cold-load goal). Reading a file is a pure function of the file,
    /// so the order of reading does not matter; <see cref="Read"/> then takes the drafts and the
    /// diagnostics in file order, as before.
    /// </summary>
    public static void Warm(IReadOnlyList<SourceFile> sources) =>
        SourceReadCache.Warm<RuleDraft?>(Reader, sources, RuleFileReader.Read, MinParallel);
}
