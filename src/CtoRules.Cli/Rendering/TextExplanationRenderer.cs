using CtoRules.Engine.Explanation;
using CtoRules.Engine.Facts;

namespace CtoRules.Cli.Rendering;

/// <summary>The readable why / why-not tree of <c>explain --format text</c>: ✓ true, ✗ false, ? unknown.</summary>
public static class TextExplanationRenderer
{
    public static void Render(RuleExplanation x, TextWriter o)
    {
        o.WriteLine($"Rule {x.RuleId} v{x.RuleVersion} ({Describe(x)}): {x.Title}");
        o.WriteLine($"Case {x.CaseId} at {x.CaseStage}");
        o.WriteLine($"Outcome: {Outcome(x.Outcome)}");
        o.WriteLine($"  {x.Summary}");
        o.WriteLine();
        o.WriteLine("WHY" + (x.Outcome == RuleOutcome.Fired ? "" : " NOT") + "  (✓ true, ✗ false, ? unknown; ◀ stopped the rule)");
        Clause(x.Condition, 1, o);
        if (!x.MissingFacts.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine($"MISSING FACTS that would decide it: {string.Join(", ", x.MissingFacts)}");
        }
    }

    private static void Clause(ClauseExplanation c, int depth, TextWriter o)
    {
        var indent = new string(' ', depth * 2);
        var text = c.Kind switch
        {
            ClauseKind.And => "all of",
            ClauseKind.Or => "any of",
            ClauseKind.Not when c.Children is [{ Kind: ClauseKind.And or ClauseKind.Or or ClauseKind.Derived }] => "not",
            ClauseKind.Derived => $"{c.Text}  (derived fact, rule {c.DerivedBy})",
            _ => c.Text,
        };
        var facts = c.Kind is ClauseKind.Derived or ClauseKind.And or ClauseKind.Or ? "" : Facts(c);
        o.WriteLine($"{indent}{Mark(c.Value)} {text}{facts}{(c.Blocking ? "  ◀" : "")}");
        // A simple negation is drawn on one line with its operand's value; a composite one opens.
        if (c.Kind == ClauseKind.Not && text != "not") return;
        foreach (var child in c.Children) Clause(child, depth + 1, o);
    }

    private static string Facts(ClauseExplanation c)
    {
        var facts = c.Kind == ClauseKind.Not ? c.Children.SelectMany(Leaves).SelectMany(l => l.Facts) : c.Facts;
        var list = facts.Select(f => f.Value is null ? $"{f.Path} unknown" : $"{f.Path} = {f.Value}").Distinct().ToList();
        return list.Count == 0 ? "" : "   [" + string.Join("; ", list) + "]";
    }

    private static IEnumerable<ClauseExplanation> Leaves(ClauseExplanation c) =>
        c.Children.IsEmpty ? [c] : c.Children.SelectMany(Leaves);

    public static string Mark(Truth t) => t switch { Truth.True => "✓", Truth.False => "✗", _ => "?" };

    private static string Outcome(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Fired => "fired",
        RuleOutcome.NotFired => "did not fire",
        RuleOutcome.Undecided => "undecided",
        _ => "out of scope at this stage",
    };

    private static string Describe(RuleExplanation x) => x.Role switch
    {
        "advice" => $"advice, {x.Stage} step {x.Step}: {x.Kind?.ToUpperInvariant()} {string.Join(", ", x.Actions)}",
        "score-item" => $"score item {x.Score} {x.Item}, {x.Points:0.##} point(s)",
        _ => $"derived fact {x.Derives}",
    };
}
