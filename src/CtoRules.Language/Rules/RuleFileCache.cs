using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>
/// A rule file's parse and per-file checks through <see cref="SourceReadCache"/>: after a one-rule
/// edit the editor's re-check reads one file again instead of every file (issue 14).
/// </summary>
internal static class RuleFileCache
{
    public static RuleDraft? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var draft = SourceReadCache.Read<RuleDraft?>("rule", source, diagnostics, RuleFileReader.Read);
        // Later checks report on the draft's fields: into this load's list, not the cached one.
        return draft is null ? null : draft with { Fields = draft.Fields.ReportingTo(diagnostics) };
    }
}
