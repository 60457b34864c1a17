using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using NRules.RuleModel;

namespace CtoRules.Engine.Evaluation;

/// <summary>
/// The right-hand sides of compiled rules. NRules calls them with the facts it matched; the
/// explanation (<c>because</c>) is built from exactly those facts.
/// </summary>
internal static class RuleActions
{
    public static void Fired(IContext ctx, CaseFacts c, int rule, DerivedFact[] derived)
    {
        var because = new List<string>(4);
        ConditionEvaluator.Explain(c.Sink.Compiled.Rules[rule].Condition, true, c, derived, because);
        c.Sink.Fired.Add((rule, because));
    }

    /// <summary>
    /// Records a rule left undecided by unknown facts. Called by the post-pass after the session
    /// fired (<see cref="CompiledRuleSet"/>), with every derived fact of the evaluation.
    /// </summary>
    public static void Undecided(CaseFacts c, int rule, DerivedFact[] derived)
    {
        var missing = new List<string>(2);
        ConditionEvaluator.Missing(c.Sink.Compiled.Rules[rule].Condition, c, derived, missing);
        c.Sink.Undecided.Add((rule, missing));
    }

    /// <summary>Derives a fact (true, false or unknown) for other rules to chain on.</summary>
    public static void Derive(IContext ctx, CaseFacts c, int rule, DerivedFact[] derived)
    {
        var definition = c.Sink.Compiled.Rules[rule];
        var value = ConditionEvaluator.Eval(definition.Condition, c, derived);
        var because = new List<string>(2);
        var missing = new List<string>(0);
        if (value == Truth.Unknown) ConditionEvaluator.Missing(definition.Condition, c, derived, missing);
        else ConditionEvaluator.Explain(definition.Condition, value == Truth.True, c, derived, because);
        var fact = new DerivedFact(definition.Derives!, value, definition.Id, because, missing);
        c.Sink.Derived.Add(fact);
        // Inserted by the session loop after this firing round, together with the other facts
        // derived in it: one propagation per round instead of one per fact (CompiledRuleSet.Run).
        c.Sink.Pending.Add(fact);
    }
}
