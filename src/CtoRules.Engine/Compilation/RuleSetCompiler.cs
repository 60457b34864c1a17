using System.Collections.Concurrent;
using System.Diagnostics;
using System.Collections.Immutable;
using System.Linq.Expressions;
using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
using CtoRules.Engine.Explanation;
using CtoRules.Engine.Facts;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;
using NRules;
using NRules.RuleModel;
using RuleSet = CtoRules.Language.Rules.RuleSet;
using NRules.RuleModel.Builders;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// Compiles a checked rule set into NRules' rule model with <see cref="RuleBuilder"/> and
/// expression trees, and caches the result per content digest.
/// <list type="bullet">
/// <item>derived facts are computed before the case enters the session, by a compiled pre-pass in
/// dependency order with the same explanations (<see cref="DerivedPrePass"/>), and carried on the
/// case fact. Chaining them inside Rete cost a join per rule that reads one, an insert and a
/// retraction per fact, and firing rounds; NRules joins are nested loops, so it also ruled out
/// many cases per session (docs/architecture.md, docs/performance.md);</item>
/// <item>an advice rule or score item becomes an NRules rule over one pattern (the case, or the
/// scored case for rules that read scores) with alpha tests only, which fires when the condition
/// is definitely true, and a compiled "undecided" check (neither true nor false; its unknown facts
/// feed <c>missingFacts</c>) that runs after the session has fired.</item>
/// </list>
/// </summary>
public static class RuleSetCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> Cache = new(StringComparer.Ordinal);

    private static readonly System.Reflection.FieldInfo StageField = typeof(CaseFacts).GetField(nameof(CaseFacts.StageOrdinal))!;
    private static readonly System.Reflection.FieldInfo ScoredFactsField = typeof(ScoredCase).GetField(nameof(ScoredCase.Facts))!;

    /// <summary>The compiled form of <paramref name="ruleSet"/>, compiled once per content digest.</summary>
    public static CompiledRuleSet GetOrCompile(RuleSet ruleSet)
    {
        var key = (ruleSet.PublishedDigest ?? "") + "|" + ruleSet.ContentDigest;
        return Cache.GetOrAdd(key, _ => new Lazy<CompiledRuleSet>(() => Compile(ruleSet))).Value;
    }

    /// <summary>Compiles without the cache (benchmarks measure this).</summary>
    public static CompiledRuleSet Compile(RuleSet ruleSet, RuleCompiler? compiler = null)
    {
        var rules = ruleSet.Rules;
        var derivedSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules)
            if (rule.Role == RuleRole.Derived) derivedSlots[rule.Derives!] = derivedSlots.Count;
        var scoreSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var score in ruleSet.Scores) scoreSlots[score.Name] = scoreSlots.Count;
        var readsScore = ScoreReaders(rules);

        var definitions = new List<IRuleDefinition>(rules.Length);
        var undecided = new UndecidedCheck?[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Role == RuleRole.Derived) continue;
            definitions.Add(Build(rule, i, ReadsScore(rule, readsScore), derivedSlots, scoreSlots));
            undecided[i] = CompileUndecided(rule, derivedSlots, scoreSlots);
        }
        var prePass = CompilePrePass(rules, derivedSlots, scoreSlots, readsScore);
        var watch = Stopwatch.StartNew();
        var factory = (compiler ?? new RuleCompiler { ExpressionCompiler = FastNRulesExpressionCompiler.Instance }).Compile(definitions);
        var readsScores = rules.Any(r => r.Condition.Scores().Any());
        // The benchmark's floor: the same rules as plain compiled predicates, no NRules (compiled on first use only).
        var reference = new Lazy<(Func<CaseFacts, bool>? Fires, bool Scored)[]>(() =>
            [.. rules.Select(r => r.Role == RuleRole.Derived ? (null, false) : (CompileFires(r, derivedSlots, scoreSlots), ReadsScore(r, readsScore)))]);
        return new CompiledRuleSet(ruleSet, factory, rules, watch.Elapsed, undecided, derivedSlots, prePass)
        {
            ReadsScores = readsScores,
            Plans = [.. rules.Select(r => ExplanationPlan.Build(r.Condition, derivedSlots, scoreSlots))],
            ScorePlans = [.. ruleSet.Scores.Select(s => s.Condition is null ? null : ExplanationPlan.Build(s.Condition, derivedSlots, scoreSlots))],
            ReferenceRules = reference,
        };
    }

    /// <summary>The derived facts that read a score, directly or through other derived facts.</summary>
    private static HashSet<string> ScoreReaders(ImmutableArray<Language.Rules.RuleDefinition> rules)
    {
        var readers = new HashSet<string>(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var r in rules)
                if (r.Role == RuleRole.Derived && !readers.Contains(r.Derives!) && ReadsScore(r, readers))
                    changed = readers.Add(r.Derives!);
        }
        return readers;
    }

    private static bool ReadsScore(Language.Rules.RuleDefinition rule, HashSet<string> derivedReaders) =>
        rule.Condition.Scores().Any() || rule.Condition.DerivedFacts().Any(derivedReaders.Contains);

    /// <summary>Each derived-fact rule's condition compiled to its three-valued truth, in dependency order.</summary>
    private static DerivedPrePass CompilePrePass(ImmutableArray<Language.Rules.RuleDefinition> rules, Dictionary<string, int> derivedSlots,
        Dictionary<string, int> scoreSlots, HashSet<string> readsScore)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
            if (rules[i].Role == RuleRole.Derived) byName[rules[i].Derives!] = i;
        var order = new List<int>(byName.Count);
        var visited = new HashSet<int>();
        void Visit(int i)
        {
            if (!visited.Add(i)) return;
            foreach (var dep in rules[i].Condition.DerivedFacts())
                if (byName.TryGetValue(dep, out var j)) Visit(j);
            order.Add(i);
        }
        foreach (var i in byName.Values.Order()) Visit(i);
        var before = new List<DerivedStep>();
        var after = new List<DerivedStep>();
        foreach (var i in order)
        {
            var rule = rules[i];
            var c = Expression.Parameter(typeof(CaseFacts), "c");
            var e = Expressions(rule, c, derivedSlots, scoreSlots);
            var body = Expression.Condition(e.IsTrue(rule.Condition), Expression.Constant(Truth.True),
                Expression.Condition(e.IsFalse(rule.Condition), Expression.Constant(Truth.False), Expression.Constant(Truth.Unknown)));
            var step = new DerivedStep(i, derivedSlots[rule.Derives!],
                FastNRulesExpressionCompiler.Instance.Compile(Expression.Lambda<Func<CaseFacts, Truth>>(body, c)));
            (readsScore.Contains(rule.Derives!) ? after : before).Add(step);
        }
        return new DerivedPrePass([.. before], [.. after]);
    }

    /// <summary>Condition expressions over a case fact: derived facts and scores read from the fact's slots.</summary>
    private static ConditionExpressions Expressions(Language.Rules.RuleDefinition rule, Expression c, Dictionary<string, int> derivedSlots,
        Dictionary<string, int> scoreSlots) => new(c, derivedSlots, scoreSlots);

    /// <summary>The operands of the top-level <c>and</c>s of a condition, left to right.</summary>
    private static IEnumerable<BoundCondition> Conjuncts(BoundCondition condition)
    {
        if (condition is BoundAnd a)
        {
            foreach (var l in Conjuncts(a.Left)) yield return l;
            foreach (var r in Conjuncts(a.Right)) yield return r;
        }
        else yield return condition;
    }

    /// <summary>
    /// "In scope, neither definitely true nor definitely false" over the case and the derived facts
    /// it carries: the condition of the former <c>#undecided</c> NRules rule, compiled once.
    /// </summary>
    private static UndecidedCheck CompileUndecided(Language.Rules.RuleDefinition rule, Dictionary<string, int> derivedSlots, Dictionary<string, int> scoreSlots)
    {
        var c = Expression.Parameter(typeof(CaseFacts), "c");
        var e = Expressions(rule, c, derivedSlots, scoreSlots);
        Expression body = Expression.AndAlso(Expression.Not(e.IsTrue(rule.Condition)), Expression.Not(e.IsFalse(rule.Condition)));
        if (rule.Role == RuleRole.Advice)
            body = Expression.AndAlso(
                Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(CaseSchema.StageOrdinal(rule.Stage!))), body);
        return new UndecidedCheck(FastNRulesExpressionCompiler.Instance.Compile(Expression.Lambda<Func<CaseFacts, bool>>(body, c)));
    }

    /// <summary>"In scope and definitely true" as one delegate: what the NRules rule tests, for the no-NRules reference evaluator.</summary>
    private static Func<CaseFacts, bool> CompileFires(Language.Rules.RuleDefinition rule, Dictionary<string, int> derivedSlots, Dictionary<string, int> scoreSlots)
    {
        var c = Expression.Parameter(typeof(CaseFacts), "c");
        Expression body = Expressions(rule, c, derivedSlots, scoreSlots).IsTrue(rule.Condition);
        if (rule.Role == RuleRole.Advice)
            body = Expression.AndAlso(
                Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(CaseSchema.StageOrdinal(rule.Stage!))), body);
        return FastNRulesExpressionCompiler.Instance.Compile(Expression.Lambda<Func<CaseFacts, bool>>(body, c));
    }

    /// <summary>
    /// One NRules rule over one pattern, the case (or, for a rule that reads a score, the scored
    /// case, inserted once scores are final). The condition is split at its top-level <c>and</c>s
    /// into alpha tests, so that the network filters as early as it can and equal tests (the same
    /// derived fact, the same stage) are shared between rules; there are no joins.
    /// </summary>
    private static IRuleDefinition Build(
        Language.Rules.RuleDefinition rule, int index, bool scored, Dictionary<string, int> derivedSlots, Dictionary<string, int> scoreSlots)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Title);
        builder.Property("ctorules.ruleId", rule.Id);
        builder.Property("ctorules.ruleVersion", rule.Version);

        var lhs = builder.LeftHandSide();
        var type = scored ? typeof(ScoredCase) : typeof(CaseFacts);
        var pattern = lhs.Pattern(type, "c");
        var p = Expression.Parameter(type, "c");
        Expression c = scored ? Expression.Field(p, ScoredFactsField) : p;
        if (rule.Role == RuleRole.Advice)
        {
            // Scope: advice of stages before the case's stage is not repeated (advice-format.md).
            var stage = CaseSchema.StageOrdinal(rule.Stage!);
            pattern.Condition(Expression.Lambda(Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(stage)), p));
        }
        var expressions = Expressions(rule, c, derivedSlots, scoreSlots);
        foreach (var conjunct in Conjuncts(rule.Condition))
            pattern.Condition(Expression.Lambda(expressions.IsTrue(conjunct), p));

        var ctx = Expression.Parameter(typeof(IContext), "ctx");
        var call = Expression.Call(
            typeof(RuleActions).GetMethod(nameof(RuleActions.Fired), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!,
            ctx, c, Expression.Constant(index));
        builder.RightHandSide().Action(Expression.Lambda(call, ctx, p));
        return builder.Build();
    }
}
