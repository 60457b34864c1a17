using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Rules;

/// <summary>
/// The one-line summary of an advice rule as a CDS Hooks card shows it: the kind and the rule's
/// title (<c>Avoid: …</c>). CDS Hooks 2.0 wants a summary under 140 characters; a rule whose
/// summary would be longer is a publish-time diagnostic (CTO1025), never a truncated card.
/// </summary>
public static class CardSummary
{
    /// <summary>The longest summary allowed (CDS Hooks: "less than 140 characters").</summary>
    public const int MaxLength = 139;

    public static string Compose(RuleDefinition rule)
    {
        var kind = rule.Kind is { Length: > 0 } k ? char.ToUpperInvariant(k[0]) + k[1..] : "Note";
        return $"{kind}: {rule.Title}";
    }

    /// <summary>CTO1025 for every advice rule whose summary is too long, at its <c>title:</c> line.</summary>
    public static ImmutableArray<Diagnostic> Lint(RuleSet set)
    {
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var rule in set.Rules.Where(r => r.Role == RuleRole.Advice))
        {
            var summary = Compose(rule);
            if (summary.Length <= MaxLength) continue;
            var lines = RuleSet.NormalizeNewlines(rule.Source.Text).Split('\n');
            var line = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
            result.Add(DiagnosticDescriptors.CardSummaryTooLong.Create(
                new SourceLocation(rule.Source.Display, line + 1, 1), rule.Id, summary.Length, summary));
        }
        return result.ToImmutable();
    }
}
