using System.Text;
using System.Text.Json;
using CtoRules.Benchmarks.Harness;
using CtoRules.Cases;
using CtoRules.Language.Rules;
using RulesEngine.Models;

namespace CtoRules.Benchmarks.Baselines.RulesEngine;

/// <summary>
/// What a .NET team would pick instead: Microsoft RulesEngine 6.0.1 with the knowledge base as a
/// JSON workflow of lambda expressions (<see cref="WorkflowWriter"/>). It decides which rules
/// fire (the chosen actions); it has no explanations and no missing facts.
/// </summary>
public sealed class RulesEngineBaseline : IEngineUnderTest
{
    public string Key => "rulesEngine";

    public Agreement AgreementLevel => Agreement.Chosen;

    public ICompiledEngine Compile(RuleSet ruleSet, int copies)
    {
        var json = WorkflowWriter.Write(ruleSet, copies);
        var workflows = JsonSerializer.Deserialize<Workflow[]>(json)!;
        var engine = new global::RulesEngine.RulesEngine(workflows, new ReSettings
        {
            CustomTypes = [typeof(ReCase)],
            EnableExceptionAsErrorMessage = false,
        });
        // RulesEngine compiles a workflow lazily on its first execution: make that part of compiling.
        var probe = new CaseBuilder("probe", "planning").Build();
        var rules = workflows[0].Rules.Count();
        var compiled = new Compiled(engine, ruleSet, copies, rules);
        compiled.Evaluate(probe);
        return compiled;
    }

    private sealed class Compiled(global::RulesEngine.RulesEngine engine, RuleSet set, int copies, int rules) : ICompiledEngine
    {
        private readonly Dictionary<string, RuleDefinition> _byId = Index(set, copies);

        public int EngineRuleCount => rules;

        public void Evaluate(Case @case) => Chosen(@case);

        private List<string> Chosen(Case @case)
        {
            var results = engine.ExecuteAllRulesAsync(WorkflowName, [new RuleParameter("c", ReCase.From(@case))]).GetAwaiter().GetResult();
            var chosen = new List<string>();
            foreach (var r in results)
            {
                if (r.IsSuccess) chosen.Add(r.Rule.RuleName);
                else if (!string.IsNullOrEmpty(r.ExceptionMessage)) throw new BenchException($"RulesEngine: rule {r.Rule.RuleName}: {r.ExceptionMessage}");
            }
            return chosen;
        }

        private static string WorkflowName => WorkflowWriter.WorkflowName;

        public string Describe(Case @case, Agreement level)
        {
            var chosen = Chosen(@case).Select(id => (Id: id, Rule: _byId[id])).ToList();
            var s = new StringBuilder("advice:");
            foreach (var a in chosen.Where(c => c.Rule.Role == RuleRole.Advice)
                         .OrderBy(c => CaseSchema.StageOrdinal(c.Rule.Stage!)).ThenBy(c => c.Rule.Step).ThenBy(c => c.Id, StringComparer.Ordinal))
                s.Append(' ').Append(a.Id);
            foreach (var score in chosen.Where(c => c.Rule.Role == RuleRole.ScoreItem).GroupBy(c => c.Rule.Score!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                s.Append("\nscore ").Append(score.Key);
                foreach (var item in score.OrderBy(c => c.Id, StringComparer.Ordinal)) s.Append("\n  ").Append(item.Id);
            }
            return s.ToString();
        }

        private static Dictionary<string, RuleDefinition> Index(RuleSet set, int copies)
        {
            var copy = copies == 1 ? set : RuleSetReplicator.Replicate(set, copies);
            return copy.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        }
    }
}
