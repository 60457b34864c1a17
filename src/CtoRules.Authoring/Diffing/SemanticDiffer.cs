using System.Collections.Immutable;
using System.Globalization;
using CtoRules.Language.References;
using CtoRules.Language.Rules;
using CtoRules.Language.Scores;

namespace CtoRules.Authoring.Diffing;

/// <summary>Compares two rule sets definition by definition.</summary>
public static class SemanticDiffer
{
    public static SemanticDiff Compare(RuleSet before, RuleSet after)
    {
        var manifest = new List<FieldChange>();
        Field(manifest, "version", before.Manifest.Version, after.Manifest.Version);
        Field(manifest, "title", before.Manifest.Title, after.Manifest.Title);
        Field(manifest, "description", before.Manifest.Description, after.Manifest.Description);

        var a = before.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var b = after.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var added = after.Rules.Where(r => !a.ContainsKey(r.Id)).Select(Summary).ToImmutableArray();
        var removed = before.Rules.Where(r => !b.ContainsKey(r.Id)).Select(Summary).ToImmutableArray();
        var changed = ImmutableArray.CreateBuilder<RuleChange>();
        foreach (var rule in after.Rules.Where(r => a.ContainsKey(r.Id)))
        {
            var old = a[rule.Id];
            var fields = RuleFields(old, rule);
            if (fields.Count > 0)
                changed.Add(new RuleChange(rule.Id, old.Source.Path, rule.Source.Path, old.Version, rule.Version, [.. fields]));
        }
        return new SemanticDiff([.. manifest], added, removed, changed.ToImmutable(), Scores(before, after), References(before, after));
    }

    /// <summary>The fields of a rule, in the order people read them.</summary>
    private static List<FieldChange> RuleFields(RuleDefinition x, RuleDefinition y)
    {
        var f = new List<FieldChange>();
        Field(f, "version", Int(x.Version), Int(y.Version));
        Field(f, "role", Role(x.Role), Role(y.Role));
        Field(f, "kind", x.Kind, y.Kind);
        Field(f, "stage", x.Stage, y.Stage);
        if (x.Role == RuleRole.Advice || y.Role == RuleRole.Advice) Field(f, "step", Int(x.Step), Int(y.Step));
        Field(f, "actions", List(x.Actions), List(y.Actions));
        Field(f, "condition", Condition(x.When), Condition(y.When));
        Field(f, "derives", x.Derives, y.Derives);
        Field(f, "score", x.Score, y.Score);
        Field(f, "item", x.Item, y.Item);
        if (x.Role == RuleRole.ScoreItem || y.Role == RuleRole.ScoreItem) Field(f, "points", Num(x.Points), Num(y.Points));
        Field(f, "text", x.Text, y.Text);
        Field(f, "title", x.Title, y.Title);
        Field(f, "references", List(x.References), List(y.References));
        Field(f, "rationale", Text(x.Rationale), Text(y.Rationale));
        Field(f, "path", x.Source.Path, y.Source.Path);
        return f;
    }

    private static ImmutableArray<EntryChange> Scores(RuleSet before, RuleSet after)
    {
        var a = before.Scores.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var b = after.Scores.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<EntryChange>();
        foreach (var name in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            a.TryGetValue(name, out var x);
            b.TryGetValue(name, out var y);
            var fields = ScoreFields(x, y);
            if (x is null) result.Add(new EntryChange(name, "added", [.. fields]));
            else if (y is null) result.Add(new EntryChange(name, "removed", [.. fields]));
            else if (fields.Count > 0) result.Add(new EntryChange(name, "changed", [.. fields]));
        }
        return result.ToImmutable();
    }

    private static List<FieldChange> ScoreFields(ScoreDefinition? x, ScoreDefinition? y)
    {
        var f = new List<FieldChange>();
        Field(f, "title", x?.Title, y?.Title);
        Field(f, "maxPoints", x is null ? null : Num(x.MaxPoints), y is null ? null : Num(y.MaxPoints));
        Field(f, "condition", Condition(x?.When), Condition(y?.When));
        Field(f, "categories", Categories(x), Categories(y));
        Field(f, "categoryLabels", Labels(x), Labels(y));
        Field(f, "references", x is null ? null : List(x.References), y is null ? null : List(y.References));
        Field(f, "description", Text(x?.Description), Text(y?.Description));
        return f;
    }

    /// <summary>The bibliography entries cited on either side (uncited entries are not part of a rule set's meaning).</summary>
    private static ImmutableArray<EntryChange> References(RuleSet before, RuleSet after)
    {
        var result = ImmutableArray.CreateBuilder<EntryChange>();
        var a = Cited(before);
        var b = Cited(after);
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            a.TryGetValue(key, out var x);
            b.TryGetValue(key, out var y);
            var fields = new List<FieldChange>();
            Field(fields, "citation", x?.Citation, y?.Citation);
            Field(fields, "link", x?.Link, y?.Link);
            if (x is null) result.Add(new EntryChange(key, "added", [.. fields]));
            else if (y is null) result.Add(new EntryChange(key, "removed", [.. fields]));
            else if (fields.Count > 0) result.Add(new EntryChange(key, "changed", [.. fields]));
        }
        return result.ToImmutable();
    }

    private static Dictionary<string, Reference> Cited(RuleSet set) =>
        set.Rules.SelectMany(r => r.References).Concat(set.Scores.SelectMany(s => s.References)).Distinct()
            .Where(set.Bibliography.ContainsKey).ToDictionary(k => k, k => set.Bibliography[k], StringComparer.Ordinal);

    private static RuleSummary Summary(RuleDefinition r) =>
        new(r.Id, r.Version, r.Source.Path, Role(r.Role), r.Title, r.Stage, r.Kind, r.Actions, Condition(r.When));

    private static void Field(List<FieldChange> list, string name, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal)) list.Add(new FieldChange(name, before, after));
    }

    internal static string Role(RuleRole role) => role switch
    {
        RuleRole.Advice => "advice",
        RuleRole.Derived => "derived",
        RuleRole.ScoreItem => "score-item",
        _ => role.ToString(),
    };

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string Num(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
    private static string? List(ImmutableArray<string> items) => items.IsDefaultOrEmpty ? null : "[" + string.Join(", ", items) + "]";

    /// <summary>A condition with its whitespace collapsed: re-wrapping a long condition is no change.</summary>
    private static string? Condition(string? when) =>
        when is null ? null : string.Join(' ', when.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Text(string? text) =>
        text is null ? null : Packs.Canonical.CanonicalJson.NormalizeNewlines(text).Trim();

    private static string? Categories(ScoreDefinition? s) =>
        s is null ? null : string.Join("; ", s.Categories.Select(c => $"{Num(c.Min)}..{(c.Max is { } m ? Num(m) : "")}"));

    private static string? Labels(ScoreDefinition? s) =>
        s is null ? null : string.Join("; ", s.Categories.Select(c => c.Note is null ? c.Label : $"{c.Label} ({c.Note})"));
}
