using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// How a why / why-not tree reads, the same in every client (CLI text, site, audit): ✓ ✗ ? marks,
/// "all of" / "any of" for chains, the values that decided a clause, and the outcome in words.
/// </summary>
public static class ClauseFormat
{
    public static string Mark(Truth value) => value switch { Truth.True => "✓", Truth.False => "✗", _ => "?" };

    public static string Word(Truth value) => value switch { Truth.True => "true", Truth.False => "false", _ => "unknown" };

    /// <summary>Whether the clause is drawn with its operands below it (a simple negation reads on one line).</summary>
    public static bool Opens(ClauseExplanation c) =>
        c.Kind is ClauseKind.And or ClauseKind.Or or ClauseKind.Derived
        || (c.Kind == ClauseKind.Not && c.Children is [{ Kind: ClauseKind.And or ClauseKind.Or or ClauseKind.Derived }]);

    public static string Label(ClauseExplanation c) => c.Kind switch
    {
        ClauseKind.And => "all of",
        ClauseKind.Or => "any of",
        ClauseKind.Not when Opens(c) => "not",
        ClauseKind.Derived => $"{c.Text}  (derived fact, rule {c.DerivedBy})",
        _ => c.Text,
    };

    /// <summary>The values that decided a leaf clause (or a one-line negation), e.g. "lesion.lengthMm = 30; ivus unknown".</summary>
    public static string Facts(ClauseExplanation c)
    {
        if (Opens(c)) return "";
        var facts = c.Kind == ClauseKind.Not ? c.Children.SelectMany(Leaves).SelectMany(l => l.Facts) : c.Facts;
        return string.Join("; ", facts.Select(f => f.Value is null ? $"{f.Path} unknown" : $"{f.Path} = {f.Value}").Distinct());
    }

    public static string Outcome(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Fired => "fired",
        RuleOutcome.NotFired => "did not fire",
        RuleOutcome.Undecided => "undecided",
        _ => "out of scope at this stage",
    };

    /// <summary>The rule in one phrase: "advice, crossing step 1: RECOMMEND KNUCKLE".</summary>
    public static string Describe(RuleExplanation x) => x.Role switch
    {
        "advice" => $"advice, {x.Stage} step {x.Step}: {x.Kind?.ToUpperInvariant()} {string.Join(", ", x.Actions)}",
        "score-item" => $"score item {x.Score} {x.Item}, {x.Points:0.##} point(s)",
        _ => $"derived fact {x.Derives}",
    };

    private static IEnumerable<ClauseExplanation> Leaves(ClauseExplanation c) =>
        c.Children.IsEmpty ? [c] : c.Children.SelectMany(Leaves);
}
