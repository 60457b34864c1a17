using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Evaluation;

/// <summary>What the rule actions of one evaluation produce: fired rules with their reasons,
/// undecided rules with the facts they lack, and the derived facts inserted.</summary>
internal sealed class EvaluationSink(CompiledRuleSet compiled)
{
    public CompiledRuleSet Compiled { get; } = compiled;
    public List<(int Rule, List<string> Because)> Fired { get; } = new(16);
    public List<(int Rule, List<string> Missing)> Undecided { get; } = new(32);
    public List<DerivedFact> Derived { get; } = new(compiled.DerivedCount);

    /// <summary>Facts derived in the current firing round, not yet inserted into the session.</summary>
    public List<DerivedFact> Pending { get; } = new(compiled.DerivedCount);
}
