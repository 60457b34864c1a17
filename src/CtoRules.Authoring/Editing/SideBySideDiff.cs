using System.Collections.Immutable;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CtoRules.Authoring.Editing;

/// <summary>Side-by-side line diff (DiffPlex) for the history and conflict views.</summary>
public static class SideBySideDiff
{
    public static ImmutableArray<DiffRow> Compare(string oldText, string newText)
    {
        var model = new SideBySideDiffBuilder(new Differ()).BuildDiffModel(oldText.Replace("\r\n", "\n"), newText.Replace("\r\n", "\n"), ignoreWhitespace: false);
        var rows = ImmutableArray.CreateBuilder<DiffRow>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var o = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var n = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            var oldLine = o is null || o.Type == ChangeType.Imaginary ? null : o;
            var newLine = n is null || n.Type == ChangeType.Imaginary ? null : n;
            var kind = oldLine is null ? DiffRowKind.Inserted
                : newLine is null ? DiffRowKind.Deleted
                : oldLine.Type == ChangeType.Unchanged && newLine.Type == ChangeType.Unchanged ? DiffRowKind.Same
                : DiffRowKind.Changed;
            rows.Add(new DiffRow(oldLine?.Position, oldLine?.Text, newLine?.Position, newLine?.Text, kind));
        }
        return rows.ToImmutable();
    }
}
