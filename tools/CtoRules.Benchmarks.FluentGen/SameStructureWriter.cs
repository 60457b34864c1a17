using CtoRules.Cases;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.FluentGen;

/// <summary>
/// The second form of the NRules.Fluent baseline (issue 14): the same hand-written model and
/// explanations, with CtoRules' structural choices. Derived facts are computed in C# before the
/// case enters the session, in dependency order, and carried on the case (<c>HandCase.D…</c>
/// fields); each advice rule and score item is one rule over one pattern, its condition split at
/// the top-level <c>and</c>s into alpha tests, no joins; "undecided" is a C# post-pass after the
/// session has fired, not a second rule. Only the rule engine's share differs from CtoRules then.
/// </summary>
public sealed class SameStructureWriter(RuleSet set, FluentSourceWriter w)
{
    /// <summary>The field of the case that carries a derived fact.</summary>
    public static string Field(string derived) => "D" + FluentSourceWriter.Pascal(derived);

    public void Write()
    {
        var onX = Vars("x");
        var onC = Vars("c");
        w.Line("public sealed partial class HandCase");
        w.Line("{");
        foreach (var name in set.Rules.Where(r => r.Derives is not null).Select(r => r.Derives!).Order(StringComparer.Ordinal))
            w.Line($"    public {FluentSourceWriter.Pascal(name)} {Field(name)} = null!;");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>The same-structure form: the pre-pass, the post-pass and the rule classes.</summary>");
        w.Line("public static class SameStructure");
        w.Line("{");
        w.Line("    public static readonly Type[] RuleTypes =");
        w.Line("    [");
        for (var i = 0; i < set.Rules.Length; i++)
            if (set.Rules[i].Role != RuleRole.Derived) w.Line($"        typeof(S{i:D3}),");
        w.Line("    ];");
        w.Line();
        w.Line("    /// <summary>Every derived fact, in dependency order, onto the case.</summary>");
        w.Line("    public static void PrePass(HandCase c)");
        w.Line("    {");
        foreach (var i in DependencyOrder())
        {
            var rule = set.Rules[i];
            var args = string.Concat(rule.Condition.DerivedFacts().Select(d => ", c." + Field(d)));
            w.Line($"        c.{Field(rule.Derives!)} = R{i:D3}.Derive(c, 0{args});");
        }
        w.Line("    }");
        w.Line();
        w.Line("    /// <summary>Rules in scope whose condition is neither definitely true nor definitely false.</summary>");
        w.Line("    public static void PostPass(HandCase c)");
        w.Line("    {");
        for (var i = 0; i < set.Rules.Length; i++)
        {
            var rule = set.Rules[i];
            if (rule.Role == RuleRole.Derived) continue;
            var scope = rule.Role == RuleRole.Advice ? $"c.ScopeStage <= {CaseSchema.StageOrdinal(rule.Stage!)} && " : "";
            w.Line($"        if ({scope}!{w.True(rule.Condition, "c", onC)} && !{w.False(rule.Condition, "c", onC)}) c.Out.AddUndecided({i}, 0, S{i:D3}.Missing(c));");
        }
        w.Line("    }");
        w.Line("}");
        w.Line();
        for (var i = 0; i < set.Rules.Length; i++)
        {
            var rule = set.Rules[i];
            if (rule.Role == RuleRole.Derived) continue;
            var tests = FluentSourceWriter.Conjuncts(rule.Condition).Select(k => $"x => {w.True(k, "x", onX)}").ToList();
            if (rule.Role == RuleRole.Advice) tests.Insert(0, $"x => x.ScopeStage <= {CaseSchema.StageOrdinal(rule.Stage!)}");
            w.Line($"/// <summary>{rule.Id}, same structure as CtoRules: one pattern, alpha tests only.</summary>");
            w.Line($"public sealed class S{i:D3} : Rule");
            w.Line("{");
            w.Line("    public override void Define()");
            w.Line("    {");
            w.Line("        HandCase c = null!;");
            w.Line($"        Name({FluentSourceWriter.Str(rule.Id)});");
            w.Line($"        When().Match(() => c, {string.Join(", ", tests)});");
            w.Line($"        Then().Do(ctx => c.Out.AddFired({i}, 0, Because(c)));");
            w.Line("    }");
            w.Line();
            w.Line("    internal static List<string> Because(HandCase c)");
            w.Line("    {");
            w.Line("        var because = new List<string>(4);");
            w.Explain(rule.Condition, true, onC, "because", 2);
            w.Line("        return because;");
            w.Line("    }");
            w.Line();
            w.Line("    internal static List<string> Missing(HandCase c)");
            w.Line("    {");
            w.Line("        var missing = new List<string>(2);");
            w.Missing(rule.Condition, onC, "missing", 2);
            w.Line("        return missing;");
            w.Line("    }");
            w.Line("}");
            w.Line();
        }
    }

    private Dictionary<string, string> Vars(string c) =>
        set.Rules.Where(r => r.Derives is not null).ToDictionary(r => r.Derives!, r => $"{c}.{Field(r.Derives!)}", StringComparer.Ordinal);

    private List<int> DependencyOrder()
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < set.Rules.Length; i++)
            if (set.Rules[i].Derives is { } d) byName[d] = i;
        var order = new List<int>();
        var seen = new HashSet<int>();
        void Visit(int i)
        {
            if (!seen.Add(i)) return;
            foreach (var dep in set.Rules[i].Condition.DerivedFacts())
                if (byName.TryGetValue(dep, out var j)) Visit(j);
            order.Add(i);
        }
        foreach (var i in byName.Values.Order()) Visit(i);
        return order;
    }
}
