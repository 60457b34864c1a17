using System.Collections.Immutable;
using System.Text;
using CtoRules.Advice;
using CtoRules.Language.Rules;

namespace CtoRules.CdsHooks.Cards;

/// <summary>
/// Turns advice@1 into CDS Hooks cards: one card per advice item. Per item rather than per
/// stage because each item is one rule with its own version, evidence and reason, and a
/// clinician's accept or override must land on that rule for the committee to see which
/// recommendations are disputed; a stage card would blur several rules into one outcome.
/// </summary>
public static class CardBuilder
{
    public const string RuleTopicSystem = "https://ctorules.org/fhir/CodeSystem/cto-rules";

    /// <param name="siteBaseUrl">The site's base URL; each card links to <c>{siteBaseUrl}/rules/{ruleId}</c>.</param>
    public static ImmutableArray<CdsCard> Build(AdviceDocument advice, RuleSet set, string siteBaseUrl)
    {
        var citations = advice.Citations.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var cards = ImmutableArray.CreateBuilder<CdsCard>();
        foreach (var item in advice.Advice)
        {
            var rule = set.Find(item.RuleId);
            var summary = rule is null ? $"{item.Kind}: {item.RuleId}" : CardSummary.Compose(rule);
            // The publish lint (CTO1025) keeps published rules under the limit; a working copy
            // that is over it shows the rule id rather than a cut sentence.
            if (summary.Length > CardSummary.MaxLength) summary = $"{Capitalise(item.Kind)}: see rule {item.RuleId}";
            var links = item.References
                .Select(k => citations.GetValueOrDefault(k))
                .Where(c => c?.Link is not null)
                .Select(c => new CdsLink(Label(c!), c!.Link!, "absolute"))
                .ToImmutableArray();
            cards.Add(new CdsCard(
                Guid.NewGuid().ToString(),
                summary,
                Indicator(item.Kind),
                Detail(item, rule, citations),
                new CdsSource(
                    $"CtoRules {advice.RuleSet.Id} {advice.RuleSet.Version}, rule {item.RuleId} v{item.RuleVersion}",
                    $"{siteBaseUrl.TrimEnd('/')}/rules/{Uri.EscapeDataString(item.RuleId)}",
                    new CdsCoding(RuleTopicSystem, item.RuleId, rule?.Title ?? item.RuleId)),
                links,
                OverrideReasons.All)
            {
                RuleId = item.RuleId,
                RuleVersion = item.RuleVersion,
                Kind = item.Kind,
            });
        }
        return cards.ToImmutable();
    }

    /// <summary>avoid → critical, caution → warning, anything else → info.</summary>
    public static string Indicator(string kind) => kind switch
    {
        "avoid" => "critical",
        "caution" => "warning",
        _ => "info",
    };

    private static string Detail(AdviceItem item, RuleDefinition? rule, Dictionary<string, Citation> citations)
    {
        var md = new StringBuilder();
        md.Append("**").Append(Capitalise(item.Kind)).Append("** ").Append(string.Join(", ", item.Actions)).Append(": ").AppendLine(item.Text);
        md.AppendLine();
        md.AppendLine("**Because**");
        md.AppendLine();
        foreach (var b in item.Because) md.Append("- `").Append(b).AppendLine("`");
        // A rule without a condition applies to every case in its stage's scope: say so rather than leave the list empty.
        if (item.Because.IsEmpty) md.AppendLine("- the rule applies to every case at this stage (it has no condition)");
        if (rule is not null && rule.Rationale.Trim().Length > 0)
        {
            md.AppendLine();
            md.AppendLine("**Rationale**");
            md.AppendLine();
            md.AppendLine(rule.Rationale.Trim());
        }
        if (item.References.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("**References**");
            md.AppendLine();
            foreach (var key in item.References)
                md.Append("- ").AppendLine(citations.TryGetValue(key, out var c) ? c.Text : key);
        }
        return md.ToString().TrimEnd();
    }

    private static string Label(Citation c)
    {
        var author = c.Text.Split(',', 2)[0].Trim();
        var year = System.Text.RegularExpressions.Regex.Match(c.Text, @"\b(19|20)\d{2}\b").Value;
        return $"{author} {year}".Trim() + (c.Link!.Contains("doi.org", StringComparison.Ordinal) ? " (DOI)" : "");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
