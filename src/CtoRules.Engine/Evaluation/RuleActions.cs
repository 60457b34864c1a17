using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;
using NRules.RuleModel;

namespace CtoRules.Engine.Evaluation;

/// <summary>
/// What compiled rules do: the right-hand side NRules calls for an advice rule or score item that
/// fired on a case, the undecided post-pass, and deriving a fact in the pre-pass. The explanation
/// (<c>because</c>) is built from the case NRules matched and the derived facts it carries.
/// </summary>
internal static class RuleActions
{
    public static void Fired(IContext ctx, CaseFacts c, int rule)
    {
        var because = new List<string>(4);
        c.Sink.Compiled.Plans[rule].Explain(c, true, because);
        c.Sink.Fired.Add((rule, because));
    }

    /// <summary>Records a rule left undecided by unknown facts (the post-pass of <see cref="CompiledRuleSet"/>).</summary>
    public static void Undecided(CaseFacts c, int rule)
    {
        var missing = new List<string>(2);
        c.Sink.Compiled.Plans[rule].Missing(c, missing);
        c.Sink.Undecided.Add((rule, missing));
    }

    /// <summary>
    /// Derives a fact (true, false or unknown) and puts it on the case for the rules that read it.
    /// <paramref name="value"/> comes from the rule's compiled condition; the explanation is built
    /// when it is first read (<see cref="DerivedFact"/>).
    /// </summary>
    public static void Derive(CaseFacts c, int rule, int slot, Truth value)
    {
        var definition = c.Sink.Compiled.Rules[rule];
        var fact = new DerivedFact(definition.Derives!, value, definition.Id, c, c.Sink.Compiled.Plans[rule]);
        c.Sink.Derived.Add(fact);
        c.Derived[slot] = fact;
        c.DerivedTruth[slot] = value;
    }
}
