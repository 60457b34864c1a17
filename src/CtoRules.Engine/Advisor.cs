using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Engine.Explanation;
using CtoRules.Language.Diagnostics;
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

    /// <summary>
    /// Evaluates many cases, <see cref="CompiledRuleSet.DefaultBatchSize"/> per NRules session
    /// (bulk work: corpus runs, behavioural diffs, the batch HTTP endpoint). The same advice as
    /// <see cref="Evaluate(Case)"/> for each case, in order, with one evaluation time.
    /// </summary>
    public IReadOnlyList<AdviceDocument> EvaluateBatch(IReadOnlyList<Case> cases) => _compiled.Evaluate(cases, _time.GetUtcNow());

    /// <summary>
    /// Why or why not: the rule's condition as a tree annotated for <paramref name="case"/> (every
    /// clause and derived fact true, false or unknown with the values that decided it), the
    /// outcome and, for a rule that did not fire, the clauses that stopped it. Agrees with what
    /// <see cref="Evaluate"/> fires.
    /// </summary>
    /// <exception cref="ArgumentException">The rule set has no rule <paramref name="ruleId"/>.</exception>
    public RuleExplanation Explain(Case @case, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var rule = RuleSet.Find(ruleId)
            ?? throw new ArgumentException($"no rule '{ruleId}' in {RuleSet.Manifest.Id}{Suggestions.DidYouMean(ruleId, RuleSet.Rules.Select(r => r.Id))}");
        return new RuleExplainer(RuleSet, @case, _compiled.ScoresFor(@case)).Explain(rule);
    }
}
