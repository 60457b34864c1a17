using System.Globalization;
using CtoRules.Cases;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Editing;

/// <summary>
/// Completion and hover for the condition language, from the case schema catalogue and the rule
/// set: case paths (block, then field), enum values after <c>==</c>, <c>!=</c> or <c>in [</c>,
/// derived facts, score names and keywords.
/// </summary>
public sealed class ConditionAssist(RuleSet ruleSet)
{
    private static readonly string[] Keywords = ["and", "or", "not", "in", "known", "true", "false"];

    /// <param name="text">The editor's text.</param>
    /// <param name="offset">The caret, as an offset in <paramref name="text"/>.</param>
    public IReadOnlyList<CompletionItem> Complete(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var prefix = WordBefore(text, offset);
        var dot = prefix.LastIndexOf('.');
        if (dot > 0)
        {
            var block = prefix[..dot];
            return [.. CaseSchema.Fields.Where(f => f.Block == block)
                .Select(f => new CompletionItem(f.Path, CompletionKind.Path, Describe(f), f.Name))];
        }
        if (EnumContext(text, offset - prefix.Length) is { } field)
            return [.. field.Values.Select(v => new CompletionItem(v, CompletionKind.EnumValue, $"a value of {field.Path}", v))];

        var items = new List<CompletionItem>();
        items.AddRange(CaseSchema.Blocks.Select(b => new CompletionItem(b, CompletionKind.Block, $"case@1 block '{b}'", b)));
        items.AddRange(ruleSet.Rules.Where(r => r.Derives is not null).OrderBy(r => r.Derives, StringComparer.Ordinal)
            .Select(r => new CompletionItem(r.Derives!, CompletionKind.DerivedFact, $"derived fact: {r.Title}", r.Derives!)));
        items.AddRange(ruleSet.Scores.Select(s => new CompletionItem(s.Name, CompletionKind.Score, $"score: {s.Title} (0 to {Number(s.MaxPoints)})", s.Name)));
        items.AddRange(Keywords.Select(k => new CompletionItem(k, CompletionKind.Keyword, "keyword", k)));
        return [.. items.Where(i => i.Label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>What the word under the caret is: a path's type, unit and range; a derived fact's rule; a score.</summary>
    public string? Hover(string text, int offset)
    {
        var word = WordAt(text, offset);
        if (word.Length == 0) return null;
        if (CaseSchema.Find(word) is { } field) return $"**{field.Path}**: {Describe(field)}";
        if (CaseSchema.IsBlock(word)) return $"**{word}**: a block of case@1";
        if (ruleSet.Rules.FirstOrDefault(r => r.Derives == word) is { } derived)
            return $"**{word}**: derived fact (true, false or unknown), derived by rule `{derived.Id}`: {derived.Title}";
        if (ruleSet.Scores.FirstOrDefault(s => s.Name == word) is { } score)
            return $"**{word}**: score {score.Title}, 0 to {Number(score.MaxPoints)} points";
        return null;
    }

    /// <summary>The type, unit and range of a field, e.g. <c>number, mm, 0 to 300</c>.</summary>
    public static string Describe(FactField field)
    {
        var type = field.Type.ToString().ToLowerInvariant();
        var range = field.Type == FactType.Enum ? "one of " + string.Join(", ", field.Values)
            : field.Minimum is not null || field.Maximum is not null ? $"{Number(field.Minimum)} to {Number(field.Maximum)}" : null;
        var unit = Unit(field.Name);
        return string.Join(", ", new[] { type, unit, range }.Where(s => !string.IsNullOrEmpty(s))) + $". {field.Meaning}";
    }

    // Units are carried by the names in case@1 (lengthMm, calciumArcDeg, ...).
    private static string? Unit(string name) =>
        name.EndsWith("Mm", StringComparison.Ordinal) ? "mm"
        : name.EndsWith("Deg", StringComparison.Ordinal) ? "degrees"
        : name.EndsWith("Atm", StringComparison.Ordinal) ? "atm"
        : name.EndsWith("Ml", StringComparison.Ordinal) ? "mL"
        : name.Equals("egfr", StringComparison.OrdinalIgnoreCase) ? "mL/min/1.73 m²"
        : name.EndsWith("Years", StringComparison.Ordinal) || name == "age" ? "years" : null;

    private static string Number(double? value) => value is null ? "…" : value.Value.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-';

    private static string WordBefore(string text, int offset)
    {
        var start = offset;
        while (start > 0 && IsWordChar(text[start - 1])) start--;
        return text[start..offset];
    }

    private static string WordAt(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var start = offset;
        while (start > 0 && IsWordChar(text[start - 1])) start--;
        var end = offset;
        while (end < text.Length && IsWordChar(text[end])) end++;
        return text[start..end].TrimEnd('.');
    }

    // "lesion.stump == |" or "lesion.stump in [blunt, |": the path whose values fit here.
    private static FactField? EnumContext(string text, int wordStart)
    {
        var before = text[..wordStart].TrimEnd();
        var bracket = before.LastIndexOf('[');
        if (bracket >= 0 && before.IndexOf(']', bracket) < 0)
        {
            var head = before[..bracket].TrimEnd();
            if (head.EndsWith(" in", StringComparison.Ordinal)) before = head[..^3].TrimEnd() + " ==";
        }
        foreach (var op in new[] { "==", "!=" })
        {
            if (!before.EndsWith(op, StringComparison.Ordinal)) continue;
            var path = WordBefore(before[..^op.Length].TrimEnd(), before[..^op.Length].TrimEnd().Length);
            return CaseSchema.Find(path) is { Type: FactType.Enum } f ? f : null;
        }
        return null;
    }
}
