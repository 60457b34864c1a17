using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
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
/// <item>an advice rule or score item becomes an NRules rule that fires when the condition is
/// definitely true, and a compiled "undecided" check (neither true nor false; its unknown facts
/// feed <c>missingFacts</c>) that runs after the session has fired, over the case and the derived
/// facts the session produced. The check used to be a second NRules rule; as a post-pass it gives
/// the same result without an NRules activation per undecided rule, which was the largest cost of
/// an evaluation (docs/performance.md);</item>
/// <item>a derived-fact rule always fires once its inputs are known to the session and inserts
/// a <see cref="DerivedFact"/> with its three-valued truth; rules that use it join on it, which
/// is the forward chaining of a Rete network.</item>
/// </list>
/// </summary>
public static class RuleSetCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> Cache = new(StringComparer.Ordinal);

    private static readonly System.Reflection.FieldInfo NameField = typeof(DerivedFact).GetField(nameof(DerivedFact.Name))!;
    private static readonly System.Reflection.FieldInfo ValueField = typeof(DerivedFact).GetField(nameof(DerivedFact.Value))!;
    private static readonly System.Reflection.FieldInfo StageField = typeof(CaseFacts).GetField(nameof(CaseFacts.StageOrdinal))!;
    private static readonly System.Reflection.FieldInfo ScoresField = typeof(CaseFacts).GetField(nameof(CaseFacts.Scores))!;
    private static readonly System.Reflection.FieldInfo ScoreNameField = typeof(ScoreFact).GetField(nameof(ScoreFact.Name))!;

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

        var definitions = new List<IRuleDefinition>(rules.Length);
        var undecided = new UndecidedCheck?[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Role == RuleRole.Derived)
            {
                definitions.Add(Build(rule, i, nameof(RuleActions.Derive), whenTrue: false, derivedSlots, scoreSlots));
                continue;
            }
            definitions.Add(Build(rule, i, nameof(RuleActions.Fired), whenTrue: true, derivedSlots, scoreSlots));
            undecided[i] = CompileUndecided(rule, derivedSlots, scoreSlots);
        }
        var watch = Stopwatch.StartNew();
        var factory = (compiler ?? new RuleCompiler { ExpressionCompiler = FastNRulesExpressionCompiler.Instance }).Compile(definitions);
        var readsScores = rules.Any(r => r.Condition.Scores().Any());
        return new CompiledRuleSet(ruleSet, factory, rules, watch.Elapsed, undecided, derivedSlots) { ReadsScores = readsScores };
    }

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
    /// by slot: the condition of the former <c>#undecided</c> NRules rule, compiled once.
    /// </summary>
    private static UndecidedCheck CompileUndecided(Language.Rules.RuleDefinition rule, Dictionary<string, int> derivedSlots, Dictionary<string, int> scoreSlots)
    {
        var c = Expression.Parameter(typeof(CaseFacts), "c");
        var d = Expression.Parameter(typeof(DerivedFact[]), "d");
        var deps = rule.Condition.DerivedFacts().Select(n => derivedSlots[n]).ToArray();
        var derived = rule.Condition.DerivedFacts().ToDictionary(n => n, n => (Expression)Expression.ArrayIndex(d, Expression.Constant(derivedSlots[n])), StringComparer.Ordinal);
        // Scores are read from the case's score array, filled before this post-pass runs.
        var scores = rule.Condition.Scores().ToDictionary(n => n,
            n => (Expression)Expression.ArrayIndex(Expression.Field(c, ScoresField), Expression.Constant(scoreSlots[n])), StringComparer.Ordinal);
        var e = new ConditionExpressions(c, derived, scores);
        Expression body = Expression.AndAlso(Expression.Not(e.IsTrue(rule.Condition)), Expression.Not(e.IsFalse(rule.Condition)));
        if (rule.Role == RuleRole.Advice)
            body = Expression.AndAlso(
                Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(CaseSchema.StageOrdinal(rule.Stage!))), body);
        var lambda = Expression.Lambda<Func<CaseFacts, DerivedFact[], bool>>(body, c, d);
        return new UndecidedCheck(FastNRulesExpressionCompiler.Instance.Compile(lambda), deps);
    }

    /// <summary>
    /// One NRules rule. A "fires" rule's condition is split at its top-level <c>and</c>s so that the
    /// Rete network filters as early as it can: a derived fact that must be true (or false) is an
    /// alpha test on that fact, a part over case facts only is an alpha test on the case, and only
    /// parts that mix derived facts are join tests. Before, the whole condition was one join test,
    /// so every derived fact inserted reached every rule that names it (docs/performance.md).
    /// Declarations are named after the derived fact's slot, the same in every rule, so that equal
    /// alpha tests are shared between rules.
    /// </summary>
    private static IRuleDefinition Build(
        Language.Rules.RuleDefinition rule, int index, string action, bool whenTrue, IReadOnlyDictionary<string, int> derivedSlots,
        IReadOnlyDictionary<string, int> scoreSlots)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Title);
        builder.Property("ctorules.ruleId", rule.Id);
        builder.Property("ctorules.ruleVersion", rule.Version);

        var conjuncts = whenTrue ? Conjuncts(rule.Condition).ToList() : [];
        var lhs = builder.LeftHandSide();
        var derivedParams = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        foreach (var dep in rule.Condition.DerivedFacts())
        {
            var declarationName = "d" + derivedSlots[dep];
            var pattern = lhs.Pattern(typeof(DerivedFact), declarationName);
            var p = Expression.Parameter(typeof(DerivedFact), declarationName);
            pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Field(p, NameField), Expression.Constant(dep)), p));
            // A conjunct that is this derived fact (or its negation) is a test of its value alone.
            foreach (var conjunct in conjuncts.ToList())
            {
                Truth? required = conjunct switch
                {
                    BoundDerived d when d.Name == dep => Truth.True,
                    BoundNot { Operand: BoundDerived d } when d.Name == dep => Truth.False,
                    _ => null,
                };
                if (required is null) continue;
                pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Field(p, ValueField), Expression.Constant(required.Value)), p));
                conjuncts.Remove(conjunct);
            }
            derivedParams[dep] = p;
        }

        // A rule that reads a score joins on its ScoreFact, which is inserted only once every score
        // item is decided or undecided: the score is complete before such a rule can fire.
        var scoreParams = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        foreach (var name in rule.Condition.Scores())
        {
            var declarationName = "s" + scoreSlots[name];
            var pattern = lhs.Pattern(typeof(ScoreFact), declarationName);
            var p = Expression.Parameter(typeof(ScoreFact), declarationName);
            pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Field(p, ScoreNameField), Expression.Constant(name)), p));
            scoreParams[name] = p;
        }

        var casePattern = lhs.Pattern(typeof(CaseFacts), "c");
        var c = Expression.Parameter(typeof(CaseFacts), "c");
        if (rule.Role == RuleRole.Advice)
        {
            // Scope: advice of stages before the case's stage is not repeated (advice-format.md).
            var stage = CaseSchema.StageOrdinal(rule.Stage!);
            casePattern.Condition(Expression.Lambda(Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(stage)), c));
        }
        var expressions = new ConditionExpressions(c, derivedParams.ToDictionary(p => p.Key, p => (Expression)p.Value, StringComparer.Ordinal),
            scoreParams.ToDictionary(p => p.Key, p => (Expression)p.Value, StringComparer.Ordinal));
        foreach (var conjunct in conjuncts)
        {
            // Case-only parts become alpha tests (parameter c alone); mixed parts join.
            var used = conjunct.DerivedFacts().Select(n => derivedParams[n]).Concat(conjunct.Scores().Select(n => scoreParams[n]));
            casePattern.Condition(Expression.Lambda(expressions.IsTrue(conjunct), [c, .. used]));
        }

        var ctx = Expression.Parameter(typeof(IContext), "ctx");
        var call = Expression.Call(
            typeof(RuleActions).GetMethod(action, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!,
            ctx, c, Expression.Constant(index),
            Expression.NewArrayInit(typeof(DerivedFact), derivedParams.Values));
        builder.RightHandSide().Action(Expression.Lambda(call, [ctx, c, .. derivedParams.Values]));
        return builder.Build();
    }
}
