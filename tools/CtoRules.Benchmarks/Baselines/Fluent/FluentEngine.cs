using CtoRules.Advice;
using CtoRules.Benchmarks.Baselines.Fluent.Generated;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Language.Rules;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace CtoRules.Benchmarks.Baselines.Fluent;

/// <summary>
/// The ceiling: the knowledge base as hand-written NRules.Fluent rule classes over a typed model,
/// evaluated the way NRules' documentation and shared/NOTES.md recommend (one pooled session per
/// thread: insert, fire, retract; results collected in rule actions, never with Query).
/// </summary>
public sealed class FluentEngine : IEngineUnderTest
{
    public string Key => "nrulesFluent";

    public Agreement AgreementLevel => Agreement.Full;

    public ICompiledEngine Compile(RuleSet ruleSet, int copies)
    {
        var reference = ReferenceFor(ruleSet);
        var repository = new RuleRepository(new CopyActivator(copies));
        repository.Load(x => x.From(KnowledgeBase.RuleTypes));
        var factory = new RuleCompiler().Compile(repository.GetRules());
        return new Compiled(factory, reference, copies, KnowledgeBase.RuleTypes.Length * copies);
    }

    /// <summary>
    /// Checks that the generated rules are from <paramref name="ruleSet"/> (both forms of the
    /// baseline are generated together) and gives the rule-set reference advice@1 names.
    /// </summary>
    internal static RuleSetReference ReferenceFor(RuleSet ruleSet)
    {
        if (KnowledgeBase.Error is { } error)
            throw new BenchException($"the NRules.Fluent baseline was generated from a rule set with errors ({error}); fix the rules and rebuild tools/CtoRules.Benchmarks");
        if (ruleSet.ContentDigest != KnowledgeBase.ContentDigest)
            throw new BenchException("the NRules.Fluent baseline was generated from other rules than the ones benchmarked; rebuild tools/CtoRules.Benchmarks (it regenerates from rules/)");
        return ruleSet.PublishedDigest is null
            ? new RuleSetReference(ruleSet.Manifest.Id, ruleSet.Manifest.Version + "-draft", null)
            : new RuleSetReference(ruleSet.Manifest.Id, ruleSet.Manifest.Version, ruleSet.PublishedDigest);
    }

    /// <summary>Makes one instance of every rule class per copy.</summary>
    private sealed class CopyActivator(int copies) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type)
        {
            for (var k = 0; k < copies; k++) yield return (Rule)Activator.CreateInstance(type, k)!;
        }
    }

    private sealed class Compiled(ISessionFactory factory, RuleSetReference reference, int copies, int ruleCount) : ICompiledEngine
    {
        [ThreadStatic] private static ISession? _session;
        [ThreadStatic] private static ISessionFactory? _sessionFactory;

        public int EngineRuleCount => ruleCount;

        public void Evaluate(Case @case) => Run(@case);

        public string Describe(Case @case, Agreement level) => Canonical.Of(Run(@case), level);

        private AdviceDocument Run(Case @case)
        {
            if (_session is null || !ReferenceEquals(_sessionFactory, factory))
            {
                _session = factory.CreateSession();
                _sessionFactory = factory;
            }
            var session = _session;
            var c = HandCase.From(@case, new HandOutput());
            session.Insert(c);
            session.Fire();
            session.Retract(c);
            if (c.Out.Derived.Count > 0) session.RetractAll(c.Out.Derived);
            return HandAssembler.Assemble(c, @case.Id, @case.Stage, reference, copies);
        }
    }
}
