using CtoRules.Engine.Compilation;
using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Evaluation;

/// <summary>What one evaluation produces: fired rules with their reasons, undecided rules with the
/// facts they lack, and the derived facts of the pre-pass.</summary>
internal sealed class EvaluationSink(CompiledRuleSet compiled)
{
    public CompiledRuleSet Compiled { get; } = compiled;
    public List<(int Rule, List<string> Because)> Fired { get; } = new(16);
    public List<(int Rule, List<string> Missing)> Undecided { get; } = new(32);
    public List<DerivedFact> Derived { get; } = new(compiled.DerivedCount);
}
