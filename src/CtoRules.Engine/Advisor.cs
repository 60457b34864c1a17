using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Engine;

/// <summary>
/// Evaluates cases against a rule set and returns advice@1. Thread-safe; the rule set is
/// compiled once per content digest and shared.
/// </summary>
public sealed class Advisor
{
    private readonly CompiledRuleSet _compiled;
    private readonly TimeProvider _time;

    public Advisor(RuleSet ruleSet, TimeProvider? time = null)
    {
        _compiled = RuleSetCompiler.GetOrCompile(ruleSet);
        _time = time ?? TimeProvider.System;
    }

    public RuleSet RuleSet => _compiled.RuleSet;

    public CompiledRuleSet Compiled => _compiled;

    public AdviceDocument Evaluate(Case @case) => _compiled.Evaluate(@case, _time.GetUtcNow());
}
