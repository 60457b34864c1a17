using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
using CtoRules.Engine.Explanation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Rules;
using NRules;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// A rule set compiled to an NRules session factory and a derived-fact pre-pass. Thread-safe:
/// each evaluation rents a session from a pool (insert, fire, retract). Bulk work goes through
/// the batch methods, which put up to <see cref="DefaultBatchSize"/> cases through one session:
/// the rules have no joins, so cases in one session never meet and the cost stays linear.
/// </summary>
public sealed class CompiledRuleSet
{
    /// <summary>
    /// Cases per session in the batch methods: 32 measured fastest (a session's fixed costs are
    /// shared; far larger batches were slower again, docs/performance.md).
    /// </summary>
    public const int DefaultBatchSize = 32;

    private readonly ISessionFactory _factory;
    private readonly ConcurrentBag<ISession> _pool = [];
    private readonly UndecidedCheck?[] _undecided;
    private readonly DerivedPrePass _prePass;

    internal CompiledRuleSet(RuleSet ruleSet, ISessionFactory factory, ImmutableArray<Language.Rules.RuleDefinition> rules, TimeSpan compileTime,
        UndecidedCheck?[] undecided, IReadOnlyDictionary<string, int> derivedSlots, DerivedPrePass prePass)
    {
        RuleSet = ruleSet;
        _factory = factory;
        Rules = rules;
        CompileTime = compileTime;
        _undecided = undecided;
        _prePass = prePass;
        DerivedCount = derivedSlots.Count;
        Shape = new RuleSetShape(ruleSet, rules);
    }

    public RuleSet RuleSet { get; }

    /// <summary>The rules by the index compiled actions refer to.</summary>
    public ImmutableArray<Language.Rules.RuleDefinition> Rules { get; }

    /// <summary>How long <c>RuleCompiler</c> took.</summary>
    public TimeSpan CompileTime { get; }

    internal int DerivedCount { get; }

    /// <summary>Each rule's condition compiled for explaining (<c>because</c>, <c>missingFacts</c>), by rule index.</summary>
    internal ExplanationPlan[] Plans { get; init; } = [];

    /// <summary>Each score's own condition compiled for explaining, by score index (null: none).</summary>
    internal ExplanationPlan?[] ScorePlans { get; init; } = [];

    /// <summary>Some rule reads a score: scored cases are inserted in a second round.</summary>
    internal bool ReadsScores { get; init; }

    /// <summary>Per rule: "in scope and definitely true" as a delegate, and whether it reads scores (the reference evaluator).</summary>
    internal Lazy<(Func<CaseFacts, bool>? Fires, bool Scored)[]>? ReferenceRules { get; init; }

    /// <summary>
    /// Batches of more than one case use a new session each, dropped afterwards, instead of a pooled
    /// one and a retraction of every fact: 13% more cases/s at 32 per session, pinned to one core
    /// (<c>ctorules-bench batch-sizes</c>, docs/performance.md). One case at a time keeps the pooled
    /// session, where creating a session would cost more than the retraction it saves.
    /// </summary>
    internal bool FreshSessionPerBatch { get; set; } = true;

    /// <summary>Per-rule facts the assembler needs, computed once (stage order, score membership).</summary>
    internal RuleSetShape Shape { get; }


    public AdviceDocument Evaluate(Case @case, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var facts = Run([@case])[0];
        return AdviceAssembler.Assemble(this, facts, facts.Sink, evaluatedAt);
    }

    /// <summary>
    /// Evaluates many cases, <paramref name="batchSize"/> per session; the same advice as
    /// <see cref="Evaluate(Case, DateTimeOffset)"/> for each case, in order.
    /// </summary>
    public AdviceDocument[] Evaluate(IReadOnlyList<Case> cases, DateTimeOffset evaluatedAt, int batchSize = DefaultBatchSize)
    {
        var result = new AdviceDocument[cases.Count];
        ForEachBatch(cases, batchSize, (i, facts) => result[i] = AdviceAssembler.Assemble(this, facts, facts.Sink, evaluatedAt));
        return result;
    }

    /// <summary>
    /// Streams many cases through the batch path: <paramref name="batchSize"/> cases per session, and
    /// each advice handed to <paramref name="each"/> (with the case's index) before the next batch
    /// runs, so a long run holds one batch of results at a time instead of all of them (holding
    /// thousands of results made the garbage collector a third of a bulk run, docs/performance.md).
    /// </summary>
    public void EvaluateEach(IReadOnlyList<Case> cases, DateTimeOffset evaluatedAt, Action<int, AdviceDocument> each, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(each);
        ForEachBatch(cases, batchSize, (i, facts) => each(i, AdviceAssembler.Assemble(this, facts, facts.Sink, evaluatedAt)));
    }

    /// <summary>Evaluates and also returns which rules fired and which were undecided (corpus, coverage, audit).</summary>
    public EvaluationTrace Trace(Case @case, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return TraceOf(Run([@case])[0], evaluatedAt);
    }

    /// <summary>As <see cref="Trace(Case, DateTimeOffset)"/> for many cases, <paramref name="batchSize"/> per session, in order.</summary>
    public EvaluationTrace[] Trace(IReadOnlyList<Case> cases, DateTimeOffset evaluatedAt, int batchSize = DefaultBatchSize)
    {
        var result = new EvaluationTrace[cases.Count];
        ForEachBatch(cases, batchSize, (i, facts) => result[i] = TraceOf(facts, evaluatedAt));
        return result;
    }

    private EvaluationTrace TraceOf(CaseFacts facts, DateTimeOffset evaluatedAt)
    {
        var sink = facts.Sink;
        var advice = AdviceAssembler.Assemble(this, facts, sink, evaluatedAt);
        var fired = sink.Fired.Select(f => Rules[f.Rule].Id)
            .Concat(sink.Derived.Where(d => d.Value == Truth.True).Select(d => d.RuleId));
        return new EvaluationTrace(advice, [.. fired.Distinct().Order(StringComparer.Ordinal)],
            [.. sink.Undecided.Select(u => Rules[u.Rule].Id).Concat(sink.Derived.Where(d => d.Value == Truth.Unknown).Select(d => d.RuleId)).Distinct().Order(StringComparer.Ordinal)]);
    }

    private void ForEachBatch(IReadOnlyList<Case> cases, int batchSize, Action<int, CaseFacts> each)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batch = new List<Case>(Math.Min(batchSize, cases.Count));
        for (var start = 0; start < cases.Count; start += batchSize)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(cases.Count, start + batchSize); i++)
                batch.Add(cases[i] ?? throw new ArgumentException($"cases[{i}] is null", nameof(cases)));
            var facts = Run(batch);
            for (var i = 0; i < facts.Length; i++) each(start + i, facts[i]);
        }
    }

    /// <summary>
    /// The benchmark's floor, not the product's engine: the same pre-pass, explanations, post-pass
    /// and assembly, with each rule's compiled condition called directly instead of an NRules
    /// session. It must give the same advice as <see cref="Evaluate(Case, DateTimeOffset)"/>.
    /// </summary>
    internal AdviceDocument EvaluateWithoutNRules(Case @case, DateTimeOffset evaluatedAt)
    {
        var rules = ReferenceRules!.Value;
        var facts = new CaseFacts(@case, new EvaluationSink(this));
        _prePass.Run(facts, afterScores: false);
        for (var i = 0; i < rules.Length; i++)
            if (rules[i] is { Fires: { } fires, Scored: false } && fires(facts)) RuleActions.Fired(null!, facts, i);
        if (ReadsScores)
        {
            RecordUndecided(facts, scoreItems: true);
            facts.Scores = ScoreFacts.Compute(this, facts, facts.Sink);
            _prePass.Run(facts, afterScores: true);
            for (var i = 0; i < rules.Length; i++)
                if (rules[i] is { Fires: { } fires, Scored: true } && fires(facts)) RuleActions.Fired(null!, facts, i);
        }
        RecordUndecided(facts, scoreItems: ReadsScores ? false : null);
        return AdviceAssembler.Assemble(this, facts, facts.Sink, evaluatedAt);
    }

    /// <summary>The scores as rules read them for this case (explanations); null when no rule reads a score.</summary>
    internal ScoreFact[]? ScoresFor(Case @case) => ReadsScores ? Run([@case])[0].Scores : null;

    /// <summary>
    /// One session for the batch: derived facts first (the pre-pass), then insert every case, fire,
    /// and for rule sets that read scores insert the scored cases and fire again; one retraction
    /// for everything; then the undecided post-pass per case.
    /// </summary>
    private CaseFacts[] Run(IReadOnlyList<Case> cases)
    {
        var facts = new CaseFacts[cases.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = new CaseFacts(cases[i], new EvaluationSink(this));
            _prePass.Run(facts[i], afterScores: false);
        }
        // A batch may use a new session that is dropped afterwards instead of retracting every fact.
        var fresh = FreshSessionPerBatch && facts.Length > 1;
        ISession? session = null;
        if (fresh || !_pool.TryTake(out session)) session = _factory.CreateSession();
        var healthy = false;
        try
        {
            session.InsertAll(facts);
            session.Fire();
            ScoredCase[]? scored = null;
            if (ReadsScores)
            {
                // Score items are all fired or undecided now (they never read scores, CTO3012), so
                // each score is final: compute them, derive the facts that read them, and let the
                // rules that read scores (patterns on ScoredCase) fire.
                scored = new ScoredCase[facts.Length];
                for (var i = 0; i < facts.Length; i++)
                {
                    RecordUndecided(facts[i], scoreItems: true);
                    facts[i].Scores = ScoreFacts.Compute(this, facts[i], facts[i].Sink);
                    _prePass.Run(facts[i], afterScores: true);
                    scored[i] = new ScoredCase(facts[i]);
                }
                session.InsertAll(scored);
                session.Fire();
            }
            // One retraction for every fact of the batch: one pass through the network.
            if (!fresh) session.RetractAll(scored is null ? facts : [.. facts, .. scored]);
            healthy = !fresh;
        }
        finally
        {
            // A session that failed half-way may hold stale facts: drop it rather than reuse it.
            if (healthy) _pool.Add(session);
        }
        foreach (var f in facts) RecordUndecided(f, scoreItems: ReadsScores ? false : null);
        return facts;
    }

    /// <summary>
    /// The post-pass: rules whose condition is neither true nor false for this case. With
    /// <paramref name="scoreItems"/> true only score items, false all other rules, null all rules.
    /// </summary>
    private void RecordUndecided(CaseFacts facts, bool? scoreItems)
    {
        for (var i = 0; i < _undecided.Length; i++)
        {
            var check = _undecided[i];
            if (check is null || (scoreItems is { } only && only != (Shape.ScoreOf[i] >= 0))) continue;
            if (check.Holds(facts)) RuleActions.Undecided(facts, i);
        }
    }
}
