using CtoRules.Cases;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Harness;

/// <summary>An engine the benchmark runs side by side with the others on the same cases.</summary>
public interface IEngineUnderTest
{
    /// <summary>The key in the JSON report (<c>ctorules</c>, <c>nrulesFluent</c>, <c>rulesEngine</c>).</summary>
    string Key { get; }

    /// <summary>What its agreement with CtoRules is checked on.</summary>
    Agreement AgreementLevel { get; }

    /// <summary>Compiles the rule set (with <paramref name="copies"/> renamed copies of every rule).</summary>
    ICompiledEngine Compile(RuleSet ruleSet, int copies);
}

/// <summary>A compiled engine: thread-safe evaluation of one case at a time per thread.</summary>
public interface ICompiledEngine
{
    /// <summary>Number of rules the underlying engine holds (NRules rules, RulesEngine rules).</summary>
    int EngineRuleCount { get; }

    /// <summary>Evaluates a case completely (the result is built and dropped).</summary>
    void Evaluate(Case @case);

    /// <summary>Evaluates and describes the result canonically, for the agreement check.</summary>
    string Describe(Case @case, Agreement level);
}

public enum Agreement
{
    /// <summary>Fired advice rule ids, score points and items, missing facts and every <c>because</c>.</summary>
    Full,

    /// <summary>The chosen actions: fired advice rule ids and the score items that gave points.</summary>
    Chosen,
}
