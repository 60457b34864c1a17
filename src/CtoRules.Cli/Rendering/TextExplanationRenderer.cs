using CtoRules.Engine.Explanation;

namespace CtoRules.Cli.Rendering;

/// <summary>The readable why / why-not tree of <c>explain --format text</c>: ✓ true, ✗ false, ? unknown.</summary>
public static class TextExplanationRenderer
{
    public static void Render(RuleExplanation x, TextWriter o)
    {
        o.WriteLine($"Rule {x.RuleId} v{x.RuleVersion} ({ClauseFormat.Describe(x)}): {x.Title}");
        o.WriteLine($"Case {x.CaseId} at {x.CaseStage}");
        o.WriteLine($"Outcome: {ClauseFormat.Outcome(x.Outcome)}");
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
        var facts = ClauseFormat.Facts(c);
        o.WriteLine($"{new string(' ', depth * 2)}{ClauseFormat.Mark(c.Value)} {ClauseFormat.Label(c)}{(facts.Length == 0 ? "" : $"   [{facts}]")}{(c.Blocking ? "  ◀" : "")}");
        if (!ClauseFormat.Opens(c)) return;
        foreach (var child in c.Children) Clause(child, depth + 1, o);
    }
}
