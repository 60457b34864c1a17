using System.Collections.Concurrent;
using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Rules;
using NRules;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// A rule set compiled to an NRules session factory. Thread-safe: each evaluation rents a
/// session from a pool (insert, fire, retract), which is about twice as fast as a new session
/// per case (shared/NOTES.md).
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly ISessionFactory _factory;
    private readonly ConcurrentBag<ISession> _pool = [];

    internal CompiledRuleSet(RuleSet ruleSet, ISessionFactory factory, ImmutableArray<Language.Rules.RuleDefinition> rules, TimeSpan compileTime)
    {
        RuleSet = ruleSet;
        _factory = factory;
        Rules = rules;
        CompileTime = compileTime;
    }

    public RuleSet RuleSet { get; }

    /// <summary>The rules by the index compiled actions refer to.</summary>
    public ImmutableArray<Language.Rules.RuleDefinition> Rules { get; }

    /// <summary>How long <c>RuleCompiler</c> took.</summary>
    public TimeSpan CompileTime { get; }

    public AdviceDocument Evaluate(Case @case, DateTimeOffset evaluatedAt) => Trace(@case, evaluatedAt).Advice;

    /// <summary>Evaluates and also returns which rules fired and which were undecided (corpus, coverage, audit).</summary>
    public EvaluationTrace Trace(Case @case, DateTimeOffset evaluatedAt)
    {
        var sink = new EvaluationSink(this);
        var facts = new CaseFacts(@case, sink);
        if (!_pool.TryTake(out var session)) session = _factory.CreateSession();
        var healthy = false;
        try
        {
            session.Insert(facts);
            session.Fire();
            session.Retract(facts);
            if (sink.Derived.Count > 0) session.RetractAll(sink.Derived);
            healthy = true;
        }
        finally
        {
            // A session that failed half-way may hold stale facts: drop it rather than reuse it.
            if (healthy) _pool.Add(session);
        }
        var advice = AdviceAssembler.Assemble(this, facts, sink, evaluatedAt);
        var fired = sink.Fired.Select(f => Rules[f.Rule].Id)
            .Concat(sink.Derived.Where(d => d.Value == Truth.True).Select(d => d.RuleId));
        return new EvaluationTrace(advice, [.. fired.Distinct().Order(StringComparer.Ordinal)],
            [.. sink.Undecided.Select(u => Rules[u.Rule].Id).Concat(sink.Derived.Where(d => d.Value == Truth.Unknown).Select(d => d.RuleId)).Distinct().Order(StringComparer.Ordinal)]);
    }
}
