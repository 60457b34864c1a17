using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Editing;

/// <summary>
/// Diagnostics for an edited rule file: the working copy's sources with the edited file replaced
/// (or added) are read again by the Language project, so the editor shows exactly what
/// <c>ctorules validate</c> would say after a save.
/// </summary>
public static class RuleEditAnalyzer
{
    /// <param name="sources">The working copy's sources (<see cref="RuleSet.Sources"/>).</param>
    /// <param name="logicalPath">The edited file, e.g. <c>rules/crossing/x.md</c>.</param>
    /// <param name="text">The full text the editor would save.</param>
    public static RuleEditAnalysis Analyze(IEnumerable<SourceFile> sources, string logicalPath, string text)
    {
        var edited = new SourceFile(logicalPath, text);
        var all = sources.Where(s => s.Path != logicalPath).Append(edited).ToList();
        var load = RuleSetReader.Load(all);
        var ruleOfFile = (load.RuleSet?.Rules ?? []).ToDictionary(r => r.Source.Display, r => r.Id);
        var file = RuleFileText.Parse(text);
        var editedId = file?.Scalar("id");

        var placed = load.Diagnostics.Select(d =>
        {
            var inEdited = d.Location.File == edited.Display;
            var ruleId = inEdited ? editedId : ruleOfFile.GetValueOrDefault(d.Location.File) ?? RuleIdFromPath(all, d.Location.File);
            return new PlacedDiagnostic(d, ruleId, inEdited);
        }).ToImmutableArray();

        var markers = file is null ? [] : placed.Where(p => p.InEditedFile)
            .Select(p => ToConditionMarker(p.Diagnostic, file, text))
            .OfType<EditorMarker>().ToImmutableArray();
        return new RuleEditAnalysis(markers, placed, load.HasErrors ? null : load.RuleSet);
    }

    /// <summary>
    /// Places a diagnostic of the file in the condition editor when it points into the
    /// <c>when:</c> value; the condition is written on one line whose editor line breaks became
    /// spaces, so a file column maps to an offset in the editor's text.
    /// </summary>
    public static EditorMarker? ToConditionMarker(Diagnostic diagnostic, RuleFileText file, string fileText)
    {
        if (file.ValueStart("when") is not { } start || diagnostic.Location.Line != start.Line) return null;
        var condition = file.Scalar("when") ?? "";
        var offset = Math.Clamp(diagnostic.Location.Column - start.Column, 0, condition.Length);
        var end = offset;
        while (end < condition.Length && (char.IsLetterOrDigit(condition[end]) || condition[end] is '.' or '_')) end++;
        if (end == offset) end = Math.Min(condition.Length, offset + 1);
        if (end == offset) offset = Math.Max(0, offset - 1);
        return new EditorMarker(diagnostic.Code, diagnostic.Message, diagnostic.IsError, 1, offset + 1, 1, end + 1);
    }

    /// <summary>Maps markers computed on the one-line condition onto the editor's own (possibly multi-line) text.</summary>
    public static EditorMarker OnEditorText(EditorMarker marker, string editorText)
    {
        var (sl, sc) = Position(editorText, marker.StartColumn - 1);
        var (el, ec) = Position(editorText, marker.EndColumn - 1);
        return marker with { StartLine = sl, StartColumn = sc, EndLine = el, EndColumn = ec };
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < Math.Min(offset, text.Length); i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }

    private static string? RuleIdFromPath(List<SourceFile> sources, string display)
    {
        var source = sources.FirstOrDefault(s => s.Display == display);
        return source is null ? null : RuleFileText.Parse(source.Text)?.Scalar("id");
    }
}
