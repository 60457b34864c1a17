using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using CtoRules.Cases;
using CtoRules.Engine.Evaluation;
using CtoRules.Engine.Facts;
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
/// <item>an advice rule or score item becomes two NRules rules: one that fires when the
/// condition is definitely true, one that records it as undecided when it is neither true nor
/// false (its unknown facts feed <c>missingFacts</c>);</item>
/// <item>a derived-fact rule always fires once its inputs are known to the session and inserts
/// a <see cref="DerivedFact"/> with its three-valued truth; rules that use it join on it, which
/// is the forward chaining of a Rete network.</item>
/// </list>
/// </summary>
public static class RuleSetCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> Cache = new(StringComparer.Ordinal);

    private static readonly System.Reflection.FieldInfo NameField = typeof(DerivedFact).GetField(nameof(DerivedFact.Name))!;
    private static readonly System.Reflection.FieldInfo StageField = typeof(CaseFacts).GetField(nameof(CaseFacts.StageOrdinal))!;

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
        var definitions = new List<IRuleDefinition>(rules.Length * 2);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Role == RuleRole.Derived)
            {
                definitions.Add(Build(rule, i, rule.Id, nameof(RuleActions.Derive), condition: null));
                continue;
            }
            definitions.Add(Build(rule, i, rule.Id, nameof(RuleActions.Fired), (e, r) => e.IsTrue(r.Condition)));
            definitions.Add(Build(rule, i, rule.Id + "#undecided", nameof(RuleActions.Undecided),
                (e, r) => Expression.AndAlso(Expression.Not(e.IsTrue(r.Condition)), Expression.Not(e.IsFalse(r.Condition)))));
        }
        var watch = Stopwatch.StartNew();
        var factory = (compiler ?? new RuleCompiler()).Compile(definitions);
        return new CompiledRuleSet(ruleSet, factory, rules, watch.Elapsed);
    }

    private static IRuleDefinition Build(
        Language.Rules.RuleDefinition rule, int index, string name, string action,
        Func<ConditionExpressions, Language.Rules.RuleDefinition, Expression>? condition)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(rule.Title);
        builder.Property("ctorules.ruleId", rule.Id);
        builder.Property("ctorules.ruleVersion", rule.Version);

        var lhs = builder.LeftHandSide();
        var derivedParams = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        foreach (var dep in rule.Condition.DerivedFacts())
        {
            var declarationName = "d" + derivedParams.Count;
            var pattern = lhs.Pattern(typeof(DerivedFact), declarationName);
            var p = Expression.Parameter(typeof(DerivedFact), declarationName);
            pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Field(p, NameField), Expression.Constant(dep)), p));
            derivedParams[dep] = p;
        }

        var casePattern = lhs.Pattern(typeof(CaseFacts), "c");
        var c = Expression.Parameter(typeof(CaseFacts), "c");
        if (rule.Role == RuleRole.Advice)
        {
            // Scope: advice of stages before the case's stage is not repeated (advice-format.md).
            var stage = CaseSchema.StageOrdinal(rule.Stage!);
            casePattern.Condition(Expression.Lambda(Expression.LessThanOrEqual(Expression.Field(c, StageField), Expression.Constant(stage)), c));
        }
        if (condition is not null)
        {
            var body = condition(new ConditionExpressions(c, derivedParams), rule);
            casePattern.Condition(Expression.Lambda(body, [c, .. derivedParams.Values]));
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
