using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Language.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Language.References;

/// <summary>Reads <c>references/bibliography.yaml</c>: a YAML list of keyed entries.</summary>
public static class BibliographyReader
{
    private static readonly string[] Fields =
        ["key", "number", "type", "authors", "title", "journal", "year", "volume", "issue", "pages", "doi", "pmid", "confirmedBy", "note", "url"];

    public static ImmutableDictionary<string, Reference> Read(string text, string file, List<Diagnostic> diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Reference>(StringComparer.Ordinal);
        var list = YamlFields.ParseList(text, file, diagnostics, "the bibliography must be a YAML list of entries");
        if (list is null) return result.ToImmutable();

        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode map)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidReference.Create(new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column), "an entry must be a mapping"));
                continue;
            }
            var entry = ReadEntry(map, file, diagnostics);
            if (entry is null) continue;
            if (!result.TryAdd(entry.Key, entry))
                diagnostics.Add(DiagnosticDescriptors.DuplicateReference.Create(new SourceLocation(file, (int)map.Start.Line, (int)map.Start.Column), entry.Key));
        }
        return result.ToImmutable();
    }

    private static Reference? ReadEntry(YamlMappingNode map, string file, List<Diagnostic> diagnostics)
    {
        var f = YamlFields.Wrap(map, file, 0, diagnostics);
        f.CheckUnknown(Fields);
        var key = f.String("key", required: true);
        var type = f.String("type", required: true) ?? "article-journal";
        var authors = f.StringList("authors", required: true);
        var title = f.String("title", required: true);
        var journal = f.String("journal", required: true);
        var year = f.Integer("year", required: true, minimum: 1800);
        var number = f.Integer("number", required: false, minimum: 1);
        if (key is null || title is null || journal is null || year is null || authors is null) return null;
        if (!RuleIds.IsReferenceKey(key))
        {
            f.Report(DiagnosticDescriptors.InvalidId, f.At("key"), key, "reference key", "use lower-case words joined by '-', e.g. morino-2011");
            return null;
        }
        return new Reference(key, number, type, [.. authors.Value.Select(a => a.Value)], title, journal, year.Value,
            f.String("volume", false), f.String("issue", false), f.String("pages", false), f.String("doi", false), f.String("pmid", false));
    }
}
