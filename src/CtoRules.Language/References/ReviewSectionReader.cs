using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Language.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Language.References;

/// <summary>Reads <c>references/review-sections.yaml</c>: the review's sections, tables and figures in reading order.</summary>
public static class ReviewSectionReader
{
    private static readonly string[] Fields = ["id", "title", "kind", "recommendations"];
    private static readonly string[] Kinds = ["section", "table", "figure"];

    public static ImmutableArray<ReviewSection> Read(string text, string file, List<Diagnostic> diagnostics)
    {
        var list = YamlFields.ParseList(text, file, diagnostics, "the review sections must be a YAML list");
        if (list is null) return [];
        var result = ImmutableArray.CreateBuilder<ReviewSection>();
        foreach (var node in list.Children.OfType<YamlMappingNode>())
        {
            var f = YamlFields.Wrap(node, file, 0, diagnostics);
            f.CheckUnknown(Fields);
            var id = f.String("id", required: true);
            var title = f.String("title", required: true);
            var kind = f.String("kind", required: true);
            if (kind is not null && !Kinds.Contains(kind))
                f.Report(DiagnosticDescriptors.WrongFieldType, f.At("kind"), "kind", "one of " + string.Join(", ", Kinds));
            var recommendations = f.String("recommendations", required: false) is not "false";
            if (id is null || title is null || kind is null) continue;
            if (!RuleIds.IsReferenceKey(id))
                f.Report(DiagnosticDescriptors.InvalidId, f.At("id"), id, "section id", "use lower-case words joined by '-'");
            else if (result.Any(s => s.Id == id))
                f.Report(DiagnosticDescriptors.DuplicateReference, f.At("id"), id);
            else result.Add(new ReviewSection(id, title, kind, recommendations));
        }
        return result.ToImmutable();
    }
}
