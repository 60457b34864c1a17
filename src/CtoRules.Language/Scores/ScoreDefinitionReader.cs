using System.Collections.Immutable;
using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Language.Yaml;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Language.Scores;

/// <summary>A score definition read but not yet bound.</summary>
internal sealed record ScoreDraft(ScoreDefinition Partial, YamlFields Fields, string Yaml, ConditionSyntax? Syntax);

/// <summary>Reads <c>rules/scores/&lt;name&gt;.yaml</c>.</summary>
internal static class ScoreDefinitionReader
{
    private static readonly string[] Fields = ["score", "title", "description", "maxPoints", "when", "references", "categories", "notes", "caveat"];
    private static readonly string[] CategoryFields = ["min", "max", "label", "note"];

    public static ScoreDraft? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var f = YamlFields.Parse(source.Text, source.Display, 0, diagnostics);
        if (f is null) return null;
        f.CheckUnknown(Fields);
        var name = f.String("score", required: true);
        var title = f.String("title", required: true);
        var max = f.Number("maxPoints", required: true);
        var references = f.StringList("references", required: true);
        var when = f.String("when", required: false);

        var categories = ImmutableArray.CreateBuilder<ScoreCategory>();
        if (f.Value("categories") is { } node)
        {
            if (node is not YamlSequenceNode seq)
                f.Report(DiagnosticDescriptors.WrongFieldType, f.At(node), "categories", "a list of { min, max, label, note }");
            else
                foreach (var c in seq.Children)
                {
                    if (c is not YamlMappingNode map)
                    {
                        f.Report(DiagnosticDescriptors.WrongFieldType, f.At(c), "categories", "a list of { min, max, label, note }");
                        continue;
                    }
                    var cf = f.Nested(map);
                    cf.CheckUnknown(CategoryFields);
                    var min = cf.Number("min", required: true);
                    var label = cf.String("label", required: true);
                    if (min is null || label is null) continue;
                    var category = new ScoreCategory(min.Value, cf.Number("max", required: false), label, cf.String("note", required: false));
                    if (categories.Any(o => o.Contains(category.Min) || (category.Max is { } hi && o.Contains(hi))))
                        f.Report(DiagnosticDescriptors.InvalidScore, cf.At("min"), $"category '{label}' overlaps another category");
                    categories.Add(category);
                }
        }

        ConditionSyntax? syntax = null;
        if (when is not null)
        {
            var parsed = ConditionParser.Parse(when);
            foreach (var e in parsed.Errors)
                diagnostics.Add(ConditionDiagnostics.Create(e, f.LocateInScalar("when", source.Text, e.Offset)));
            syntax = parsed.Syntax;
        }
        var expected = Path.GetFileNameWithoutExtension(source.Path);
        if (name is not null && !string.Equals(name, expected, StringComparison.OrdinalIgnoreCase))
            f.Report(DiagnosticDescriptors.InvalidScore, f.At("score"), $"score '{name}' must be defined in a file named {name}.yaml");

        var partial = new ScoreDefinition
        {
            Name = name ?? "",
            Title = title ?? "",
            Description = f.String("description", required: false),
            Caveat = f.String("caveat", required: false),
            MaxPoints = max ?? 0,
            When = when,
            References = [.. (references ?? []).Select(r => r.Value)],
            Categories = categories.ToImmutable(),
            Source = source,
        };
        return new ScoreDraft(partial, f, source.Text, syntax);
    }
}
