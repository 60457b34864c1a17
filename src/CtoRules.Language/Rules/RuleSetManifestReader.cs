using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Yaml;
using YamlDotNet.RepresentationModel;

namespace CtoRules.Language.Rules;

/// <summary>Reads <c>rules/ruleset.yaml</c>.</summary>
internal static class RuleSetManifestReader
{
    private static readonly string[] Fields = ["id", "version", "title", "description", "changelog"];

    public static RuleSetManifest? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var f = YamlFields.Parse(source.Text, source.Display, 0, diagnostics);
        if (f is null) return null;
        f.CheckUnknown(Fields);
        var id = f.String("id", required: true);
        var version = f.String("version", required: true);
        var title = f.String("title", required: true);
        if (id is not null && !RuleIds.IsReferenceKey(id))
            f.Report(DiagnosticDescriptors.InvalidId, f.At("id"), id, "rule set id", "use lower-case words joined by '-'");
        if (version is not null && !Semver.SemVersion.TryParse(version, Semver.SemVersionStyles.Strict, out _))
        {
            f.Report(DiagnosticDescriptors.InvalidRuleSet, f.At(f.Value("version")!), $"'{version}' is not a semantic version (MAJOR.MINOR.PATCH)");
            version = null;
        }

        var changelog = ImmutableArray.CreateBuilder<ChangelogEntry>();
        if (f.Value("changelog") is YamlSequenceNode seq)
            foreach (var node in seq.Children.OfType<YamlMappingNode>())
            {
                var e = f.Nested(node);
                e.CheckUnknown(["version", "date", "changes"]);
                var v = e.String("version", required: true);
                var changes = e.StringList("changes", required: true);
                if (v is not null) changelog.Add(new ChangelogEntry(v, e.String("date", required: false), [.. (changes ?? []).Select(c => c.Value)]));
            }
        else if (f.Value("changelog") is { } other)
            f.Report(DiagnosticDescriptors.WrongFieldType, f.At(other), "changelog", "a list of { version, date, changes }");

        if (id is null || version is null || title is null) return null;
        return new RuleSetManifest(id, version, title, f.String("description", required: false), changelog.ToImmutable());
    }
}
