using System.Collections.Concurrent;
using System.Collections.Frozen;
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
    private readonly UndecidedCheck?[] _undecided;
    private readonly FrozenDictionary<string, int> _derivedSlots;

    internal CompiledRuleSet(RuleSet ruleSet, ISessionFactory factory, ImmutableArray<Language.Rules.RuleDefinition> rules, TimeSpan compileTime,
        UndecidedCheck?[] undecided, IReadOnlyDictionary<string, int> derivedSlots)
    {
        RuleSet = ruleSet;
        _factory = factory;
        Rules = rules;
        CompileTime = compileTime;
        _undecided = undecided;
        DerivedCount = derivedSlots.Count;
        _derivedSlots = derivedSlots.ToFrozenDictionary(StringComparer.Ordinal);
        Shape = new RuleSetShape(ruleSet, rules);
    }

    public RuleSet RuleSet { get; }

    /// <summary>The rules by the index compiled actions refer to.</summary>
    public ImmutableArray<Language.Rules.RuleDefinition> Rules { get; }

    /// <summary>How long <c>RuleCompiler</c> took.</summary>
    public TimeSpan CompileTime { get; }

    internal int DerivedCount { get; }

    /// <summary>Some rule reads a score: the session computes and inserts scores after the first rounds.</summary>
    internal bool ReadsScores { get; init; }

    /// <summary>Per-rule facts the assembler needs, computed once (stage order, score membership).</summary>
    internal RuleSetShape Shape { get; }

    public AdviceDocument Evaluate(Case @case, DateTimeOffset evaluatedAt)
    {
        var (facts, sink) = Run(@case);
        return AdviceAssembler.Assemble(this, facts, sink, evaluatedAt);
    }

    /// <summary>Evaluates and also returns which rules fired and which were undecided (corpus, coverage, audit).</summary>
    public EvaluationTrace Trace(Case @case, DateTimeOffset evaluatedAt)
    {
        var (facts, sink) = Run(@case);
        var advice = AdviceAssembler.Assemble(this, facts, sink, evaluatedAt);
        var fired = sink.Fired.Select(f => Rules[f.Rule].Id)
            .Concat(sink.Derived.Where(d => d.Value == Truth.True).Select(d => d.RuleId));
        return new EvaluationTrace(advice, [.. fired.Distinct().Order(StringComparer.Ordinal)],
            [.. sink.Undecided.Select(u => Rules[u.Rule].Id).Concat(sink.Derived.Where(d => d.Value == Truth.Unknown).Select(d => d.RuleId)).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The scores as rules read them for this case (explanations); null when no rule reads a score.</summary>
    internal ScoreFact[]? ScoresFor(Case @case) => ReadsScores ? Run(@case).Facts.Scores : null;

    private (CaseFacts Facts, EvaluationSink Sink) Run(Case @case)
    {
        var sink = new EvaluationSink(this);
        var facts = new CaseFacts(@case, sink);
        if (!_pool.TryTake(out var session)) session = _factory.CreateSession();
        var healthy = false;
        try
        {
            session.Insert(facts);
            FireRounds(session, sink);
            if (ReadsScores)
            {
                // Scores for the rules that read them: the items are all decided or undecided now
                // (score items never read scores, CTO3012), so each score is final; insert them and
                // chain again. The rules that read a score join on its fact and fire only now.
                RecordUndecided(facts, sink, scoreItems: true);
                facts.Scores = ScoreFacts.Compute(this, facts, sink);
                session.InsertAll(facts.Scores);
                FireRounds(session, sink);
            }
            // One retraction for the case and every derived fact: one pass through the network.
            var inserted = new object[sink.Derived.Count + 1 + (facts.Scores?.Length ?? 0)];
            inserted[0] = facts;
            for (var i = 0; i < sink.Derived.Count; i++) inserted[i + 1] = sink.Derived[i];
            facts.Scores?.CopyTo(inserted, sink.Derived.Count + 1);
            session.RetractAll(inserted);
            healthy = true;
        }
        finally
        {
            // A session that failed half-way may hold stale facts: drop it rather than reuse it.
            if (healthy) _pool.Add(session);
        }
        RecordUndecided(facts, sink, scoreItems: ReadsScores ? false : null);
        return (facts, sink);
    }

    /// <summary>
    /// Forward chaining in rounds: fire, then insert every fact derived in that round at once (one
    /// pass through the network for the batch), until no rule derives anything new.
    /// </summary>
    private static void FireRounds(ISession session, EvaluationSink sink)
    {
        session.Fire();
        while (sink.Pending.Count > 0)
        {
            session.InsertAll(sink.Pending);
            sink.Pending.Clear();
            session.Fire();
        }
    }

    /// <summary>
    /// The post-pass: rules whose condition is neither true nor false for this case. With
    /// <paramref name="scoreItems"/> true only score items, false all other rules, null all rules.
    /// </summary>
    private void RecordUndecided(CaseFacts facts, EvaluationSink sink, bool? scoreItems)
    {
        var bySlot = new DerivedFact[DerivedCount];
        foreach (var d in sink.Derived) bySlot[_derivedSlots[d.Name]] = d;
        for (var i = 0; i < _undecided.Length; i++)
        {
            var check = _undecided[i];
            if (check is null || (scoreItems is { } only && only != (Shape.ScoreOf[i] >= 0))) continue;
            if (!AllPresent(bySlot, check.DerivedSlots) || !check.Holds(facts, bySlot)) continue;
            // Only the rule's own derived facts, as NRules would have matched them: explaining
            // looks facts up by name, and over every derived fact that grew with the rule count.
            var deps = check.DerivedSlots.Length == 0 ? [] : new DerivedFact[check.DerivedSlots.Length];
            for (var k = 0; k < deps.Length; k++) deps[k] = bySlot[check.DerivedSlots[k]];
            RuleActions.Undecided(facts, i, deps);
        }
    }

    private static bool AllPresent(DerivedFact[] bySlot, int[] slots)
    {
        foreach (var s in slots)
            if (bySlot[s] is null) return false;
        return true;
    }
}
