using BenchmarkDotNet.Attributes;
using CtoRules.Benchmarks.Baselines.Fluent;
using CtoRules.Benchmarks.Baselines.RulesEngine;
using CtoRules.Benchmarks.Generation;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Engine.Compilation;
using CtoRules.Language.Rules;

namespace CtoRules.Benchmarks.Micro;

/// <summary>The micro view: one case through each engine, and compiling the rule set.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private RuleSet _set = null!;
    private Case[] _cases = null!;
    private ICompiledEngine _ctorules = null!;
    private ICompiledEngine _fluent = null!;
    private ICompiledEngine _rulesEngine = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _set = RuleSetReader.LoadDirectory(RulesFolder.Resolve(null)).RuleSet?.WithoutScoreReaders() ?? throw new InvalidOperationException("rules have errors");
        _cases = new CaseGenerator(42).Generate(1024).ToArray();
        _ctorules = new CtoRulesEngine().Compile(_set, 1);
        _fluent = new FluentEngine().Compile(_set, 1);
        _rulesEngine = new RulesEngineBaseline().Compile(_set, 1);
    }

    private Case Next() => _cases[_next++ & 1023];

    [Benchmark(Baseline = true)]
    public void EvaluateCtoRules() => _ctorules.Evaluate(Next());

    [Benchmark]
    public void EvaluateNRulesFluent() => _fluent.Evaluate(Next());

    [Benchmark]
    public void EvaluateRulesEngine() => _rulesEngine.Evaluate(Next());

    [Benchmark]
    public CompiledRuleSet CompileCtoRules() => RuleSetCompiler.Compile(_set);
}
