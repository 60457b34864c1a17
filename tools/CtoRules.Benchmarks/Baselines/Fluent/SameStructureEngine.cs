using CtoRules.Advice;
using CtoRules.Benchmarks.Baselines.Fluent.Generated;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Language.Rules;
using NRules;
using NRules.Fluent;

namespace CtoRules.Benchmarks.Baselines.Fluent;

/// <summary>
/// The NRules.Fluent baseline with CtoRules' structural choices (issue 14): hand-written C# for
/// the derived facts before the session and for "undecided" after it, one alpha-only rule per
/// advice rule and score item, and the same batching (<see cref="EvaluateBatch"/>, 32 cases per
/// session). What is left between it and CtoRules is the cost of a rule language compiled at run
/// time and of CtoRules' explanation and assembly layer.
/// </summary>
public sealed class SameStructureEngine : IEngineUnderTest
{
    public const int BatchSize = 32;

    public string Key => "nrulesFluentSameStructure";

    public Agreement AgreementLevel => Agreement.Full;

    public ICompiledEngine Compile(RuleSet ruleSet, int copies)
    {
        if (copies != 1) throw new BenchException("the same-structure NRules.Fluent baseline has no renamed copies (it is not in the scaling run)");
        var reference = FluentEngine.ReferenceFor(ruleSet);
        var repository = new RuleRepository();
        repository.Load(x => x.From(SameStructure.RuleTypes));
        var factory = new RuleCompiler().Compile(repository.GetRules());
        return new Compiled(factory, reference);
    }

    public sealed class Compiled(ISessionFactory factory, RuleSetReference reference) : ICompiledEngine
    {
        [ThreadStatic] private static ISession? _session;
        [ThreadStatic] private static ISessionFactory? _sessionFactory;

        public int EngineRuleCount => SameStructure.RuleTypes.Length;

        public void Evaluate(Case @case) => Run(@case);

        public string Describe(Case @case, Agreement level) => Canonical.Of(Run(@case), level);

        /// <summary>Many cases, <see cref="BatchSize"/> per session; each result handed over as its batch ends.</summary>
        public void EvaluateBatch(Case[] cases, Action<AdviceDocument> each)
        {
            var session = Session();
            var batch = new HandCase[BatchSize];
            for (var start = 0; start < cases.Length; start += BatchSize)
            {
                var n = Math.Min(BatchSize, cases.Length - start);
                for (var i = 0; i < n; i++)
                {
                    batch[i] = HandCase.From(cases[start + i], new HandOutput());
                    SameStructure.PrePass(batch[i]);
                }
                var facts = n == BatchSize ? batch : batch[..n];
                session.InsertAll(facts);
                session.Fire();
                session.RetractAll(facts);
                for (var i = 0; i < n; i++)
                {
                    SameStructure.PostPass(batch[i]);
                    each(HandAssembler.Assemble(batch[i], cases[start + i].Id, cases[start + i].Stage, reference, 1));
                }
            }
        }

        private ISession Session()
        {
            if (_session is null || !ReferenceEquals(_sessionFactory, factory))
            {
                _session = factory.CreateSession();
                _sessionFactory = factory;
            }
            return _session;
        }

        private AdviceDocument Run(Case @case)
        {
            var session = Session();
            var c = HandCase.From(@case, new HandOutput());
            SameStructure.PrePass(c);
            session.Insert(c);
            session.Fire();
            session.Retract(c);
            SameStructure.PostPass(c);
            return HandAssembler.Assemble(c, @case.Id, @case.Stage, reference, 1);
        }
    }
}
