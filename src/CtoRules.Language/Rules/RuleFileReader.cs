using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Yaml;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace CtoRules.Language.Rules;

/// <summary>A rule file read but not yet bound: fields, positions and the parsed condition.</summary>
internal sealed record RuleDraft(
    RuleDefinition Partial,
    YamlFields Fields,
    string Yaml,
    ConditionSyntax? Syntax);

/// <summary>
/// Reads one rule file: YAML front matter through Markdig's front-matter extension, fields through
/// YamlDotNet with positions, the condition through <see cref="ConditionParser"/>.
/// </summary>
internal static class RuleFileReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly string[] Common = ["id", "version", "title", "when", "references", "sections"];
    private static readonly string[] AdviceFields = ["stage", "step", "kind", "actions", "text"];
    private static readonly string[] DerivedFields = ["derives"];
    private static readonly string[] ScoreFields = ["score", "item", "points", "text"];
    private static readonly string[] AllFields = [.. Common, .. AdviceFields, .. DerivedFields, .. ScoreFields];

    public static RuleDraft? Read(SourceFile source, List<Diagnostic> diagnostics)
    {
        var file = source.Display;
        MarkdownDocument doc;
        try
        {
            doc = Markdown.Parse(source.Text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig bounds its own recursion and throws when a text passes the bound (found by
            // fuzzing: thousands of nested emphasis markers); that is the author's input, not a bug.
            diagnostics.Add(DiagnosticDescriptors.MarkdownTooDeep.Create(new SourceLocation(file, 1, 1), "Markdig stops at its depth limit"));
            return null;
        }
        var front = doc.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (front is null)
        {
            diagnostics.Add(DiagnosticDescriptors.MissingFrontMatter.Create(new SourceLocation(file, 1, 1)));
            return null;
        }
        // Markdig lines are zero-based and the YAML starts on the line after the '---' fence;
        // YamlDotNet's lines are one-based. This is the one place the two are reconciled.
        var lineOffset = front.Line + 1;
        var yaml = front.Lines.ToString();
        var fields = YamlFields.Parse(yaml, file, lineOffset, diagnostics);
        if (fields is null) return null;
        var rationale = front.Span.End + 1 < source.Text.Length ? source.Text[(front.Span.End + 1)..].Trim() : "";

        var role = fields.Has("derives") ? RuleRole.Derived : fields.Has("score") ? RuleRole.ScoreItem : RuleRole.Advice;
        var allowed = role switch
        {
            RuleRole.Derived => Common.Concat(DerivedFields).ToArray(),
            RuleRole.ScoreItem => Common.Concat(ScoreFields).ToArray(),
            _ => Common.Concat(AdviceFields).ToArray(),
        };
        foreach (var key in fields.Node.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
        {
            if (key.Value is { } name && AllFields.Contains(name) && !allowed.Contains(name))
                fields.Report(DiagnosticDescriptors.RoleConflict, fields.At(key),
                    $"field '{name}' does not belong in a {Describe(role)} rule");
        }
        fields.CheckUnknown(AllFields);

        var id = fields.String("id", required: true);
        if (id is not null && !RuleIds.IsRuleId(id))
        {
            fields.Report(DiagnosticDescriptors.InvalidId, fields.At("id"), id, "rule id", "use lower-case words joined by '.' or '-', at most 100 characters");
            id = null;
        }
        var version = fields.Integer("version", required: true, minimum: 1);
        var title = fields.String("title", required: true);
        var references = fields.StringList("references", required: true);
        if (references is { IsEmpty: true }) fields.Report(DiagnosticDescriptors.EmptyList, fields.At("references"), "references");

        string? stage = null, kind = null, text = null, derives = null, score = null, item = null;
        int step = 1;
        double points = 0;
        ImmutableArray<string> actions = [];
        switch (role)
        {
            case RuleRole.Advice:
                stage = fields.String("stage", required: true);
                if (stage is not null && !CaseSchema.Stages.Contains(stage))
                {
                    fields.Report(DiagnosticDescriptors.UnknownStage, fields.At(fields.Value("stage")!), stage, string.Join(", ", CaseSchema.Stages));
                    stage = null;
                }
                step = fields.Integer("step", required: false, minimum: 1) ?? 1;
                kind = fields.String("kind", required: true);
                if (kind is not null && !Vocabulary.IsKind(kind))
                {
                    fields.Report(DiagnosticDescriptors.UnknownKind, fields.At(fields.Value("kind")!), kind, string.Join(", ", Vocabulary.Kinds));
                    kind = null;
                }
                var codes = fields.StringList("actions", required: true);
                if (codes is { IsEmpty: true }) fields.Report(DiagnosticDescriptors.EmptyList, fields.At("actions"), "actions");
                foreach (var (code, at) in codes ?? [])
                    if (!Vocabulary.IsAction(code))
                        fields.Report(DiagnosticDescriptors.UnknownAction, at, code, Suggestions.DidYouMean(code, Vocabulary.ActionCodes));
                actions = [.. (codes ?? []).Select(c => c.Value)];
                text = fields.String("text", required: true);
                break;
            case RuleRole.Derived:
                derives = fields.String("derives", required: true);
                if (derives is not null && (!RuleIds.IsDerivedName(derives) || IsReserved(derives)))
                {
                    fields.Report(DiagnosticDescriptors.InvalidId, fields.At(fields.Value("derives")!), derives, "derived fact name", "use camelCase starting with a lower-case letter, not a keyword or a block name, e.g. heavyCalcification");
                    derives = null;
                }
                if (!fields.Has("when")) fields.Report(DiagnosticDescriptors.MissingField, fields.At(fields.Node), "when");
                break;
            case RuleRole.ScoreItem:
                score = fields.String("score", required: true);
                item = fields.String("item", required: true);
                points = fields.Number("points", required: true) ?? 0;
                text = fields.String("text", required: false);
                if (!fields.Has("when")) fields.Report(DiagnosticDescriptors.MissingField, fields.At(fields.Node), "when");
                break;
        }

        var when = fields.String("when", required: false);
        ConditionSyntax? syntax = null;
        if (when is not null)
        {
            var parsed = ConditionParser.Parse(when);
            foreach (var e in parsed.Errors)
                diagnostics.Add(ConditionDiagnostics.Create(e, fields.LocateInScalar("when", yaml, e.Offset)));
            syntax = parsed.Syntax;
        }

        var partial = new RuleDefinition
        {
            Id = id ?? "",
            Version = version ?? 0,
            Title = title ?? "",
            Role = role,
            Stage = stage,
            Step = step,
            Kind = kind,
            Actions = actions,
            When = when,
            Condition = new BoundConstant(true),
            Text = text,
            References = [.. (references ?? []).Select(r => r.Value)],
            Sections = [.. (fields.StringList("sections", required: false) ?? []).Select(r => r.Value)],
            Derives = derives,
            Score = score,
            Item = item,
            Points = points,
            Rationale = rationale,
            Source = source,
        };
        return new RuleDraft(partial, fields, yaml, syntax);
    }

    /// <summary>A derived fact may not be named like a keyword or a case block: it could never be referred to.</summary>
    private static bool IsReserved(string name) =>
        name is "and" or "or" or "not" or "in" or "known" or "score" or "true" or "false" || CaseSchema.IsBlock(name);

    private static string Describe(RuleRole role) => role switch
    {
        RuleRole.Derived => "derived-fact",
        RuleRole.ScoreItem => "score-item",
        _ => "advice",
    };
}
