using System.Collections.Immutable;
using CtoRules.Authoring.Versioning;
using CtoRules.Cases;
using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Authoring.Browsing;

/// <summary>
/// The rule list: advice by stage in escalation order then step, then derived facts, then score
/// items; filtered by text, kind, action code, reference, score and review section; each row
/// says whether the rule differs from the newest published pack.
/// </summary>
public static class RuleCatalog
{
    public static ImmutableArray<RuleRow> Rows(RuleSet set, PackContent? published)
    {
        var publishedText = published?.Rules.ToDictionary(r => r.Id, r => Normalize(r.Source));
        return [.. set.Rules.OrderBy(Order).ThenBy(r => r.Step).ThenBy(r => r.Score, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RuleRow(r.Id, r.Title, r.Role.ToString(), r.Stage, r.Step, r.Kind, r.Actions, r.Version,
                publishedText is null ? null : !publishedText.TryGetValue(r.Id, out var text) || text != Normalize(r.Source.Text)))];
    }

    public static IEnumerable<RuleRow> Filter(RuleSet set, IEnumerable<RuleRow> rows, RuleFilter filter)
    {
        foreach (var row in rows)
        {
            var rule = set.Find(row.Id)!;
            if (Given(filter.Kind) && rule.Kind != filter.Kind) continue;
            if (Given(filter.Action) && !rule.Actions.Contains(filter.Action!)) continue;
            if (Given(filter.Reference) && !rule.References.Contains(filter.Reference!)) continue;
            if (Given(filter.Score) && rule.Score != filter.Score && !rule.Condition.DerivedFacts().Contains(filter.Score!)) continue;
            if (Given(filter.Section) && !rule.Sections.Contains(filter.Section!)) continue;
            if (Given(filter.Text) && !Matches(rule, filter.Text!.Trim())) continue;
            yield return row;
        }
    }

    /// <summary>The newest published pack of the rule set, or null when there is none or it does not load.</summary>
    public static PackContent? LatestPublished(RuleSet set, string packsDirectory)
    {
        var latest = PackCatalog.Latest(packsDirectory, set.Manifest.Id);
        if (latest is null) return null;
        try
        {
            return RulePack.Load(latest.Path, PackTrust.DigestOnly).Content;
        }
        catch (PackException)
        {
            return null;
        }
    }

    /// <summary>The derived facts a rule's condition uses (with the rule deriving each), and the rules that use the fact it derives.</summary>
    public static (ImmutableArray<RuleDefinition> Uses, ImmutableArray<RuleDefinition> UsedBy) Relations(RuleSet set, RuleDefinition rule)
    {
        var derivers = set.Rules.Where(r => r.Derives is not null).ToDictionary(r => r.Derives!);
        var uses = rule.Condition.DerivedFacts().Select(f => derivers.GetValueOrDefault(f)).OfType<RuleDefinition>().ToImmutableArray();
        var usedBy = rule.Derives is null ? [] : set.Rules.Where(r => r.Condition.DerivedFacts().Contains(rule.Derives)).ToImmutableArray();
        return (uses, usedBy);
    }

    private static (int, int) Order(RuleDefinition rule) => rule.Role switch
    {
        RuleRole.Advice => (0, CaseSchema.StageOrdinal(rule.Stage ?? "")),
        RuleRole.Derived => (1, 0),
        _ => (2, 0),
    };

    private static bool Matches(RuleDefinition rule, string text) =>
        new[] { rule.Id, rule.Title, rule.Text ?? "", rule.When ?? "", rule.Rationale, rule.Derives ?? "", rule.Score ?? "" }
            .Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static bool Given(string? s) => !string.IsNullOrWhiteSpace(s);

    private static string Normalize(string text) =>
        string.Join('\n', RuleSet.NormalizeNewlines(text).Split('\n').Select(l => l.TrimEnd())).TrimEnd();
}
