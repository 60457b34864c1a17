using System.Text.Json.Nodes;
using CsCheck;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine;
using CtoRules.Engine.Explanation;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>
/// Issue 15, properties of evaluation at the public API (a case in, advice out), over the corpus
/// and generated cases: deterministic, independent of the order facts are given in, and monotone
/// in what is known.
/// </summary>
public sealed class EvaluationProperties
{
    private static readonly Gen<Case> Cases = CaseGen.Case(KnowledgeBase.Corpus);

    /// <summary>Facts that set the scope of the whole case (docs/architecture.md, "Scope"): every advice rule depends on them.</summary>
    private static readonly string[] ScopeFacts = [CaseSchema.Stage.Path, "procedure.deviceCrossing"];

    [Fact]
    public void Evaluation_is_deterministic_across_runs_and_advisors()
    {
        var other = new Advisor(KnowledgeBase.RuleSet, new KnowledgeBase.FixedTime());
        Cases.Sample(c =>
        {
            var first = KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(c));
            KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(c)).Should().Be(first, "the same advisor evaluated the case twice");
            KnowledgeBase.Text(other.Evaluate(c)).Should().Be(first, "a second advisor of the same rule set evaluated it");
        }, iter: 150);
    }

    [Fact]
    public void Evaluation_does_not_depend_on_the_order_facts_are_given_in()
    {
        Gen.Select(Cases, Gen.Int).Sample((c, seed) =>
        {
            var random = new Random(seed);
            // The same case written with its blocks and its facts in another order, read again.
            var shuffled = new JsonObject();
            foreach (var (name, node) in c.ToJson().OrderBy(_ => random.Next()).ToList())
                shuffled[name] = node is JsonObject block
                    ? new JsonObject(block.OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
                    : node?.DeepClone();
            // And built fact by fact in another order through the builder.
            var builder = new CaseBuilder(c.Id, c.Stage);
            foreach (var (field, value) in c.KnownFacts().OrderBy(_ => random.Next()))
            {
                if (field == CaseSchema.Stage) continue;
                _ = field.Type switch
                {
                    FactType.Boolean => builder.Set(field.Path, value != 0),
                    FactType.Enum => builder.Set(field.Path, field.Values[(int)value]),
                    _ => builder.Set(field.Path, value),
                };
            }
            foreach (var block in CaseSchema.Blocks.Where(c.HasBlock).OrderBy(_ => random.Next())) builder.Block(block);

            var expected = KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(c));
            KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(CaseReader.Read(shuffled).Case!)).Should().Be(expected, "the JSON's properties were reordered");
            KnowledgeBase.Text(KnowledgeBase.Advisor.Evaluate(builder.Build())).Should().Be(expected, "the facts were set in another order");
        }, iter: 100);
    }

    [Fact]
    public void Making_a_known_fact_unknown_never_flips_fired_advice_to_not_fired_nor_drops_advice_that_did_not_read_it()
    {
        var dependencies = new RuleDependencies(KnowledgeBase.RuleSet);
        var rules = KnowledgeBase.RuleSet.Rules.ToDictionary(r => r.Id, r => (Rule: r, Deps: dependencies.Of(r)), StringComparer.Ordinal);
        var checkedPairs = 0;
        void Check(Case c)
        {
            var before = KnowledgeBase.Advisor.Evaluate(c);
            foreach (var (field, _) in c.KnownFacts().Where(f => !ScopeFacts.Contains(f.Field.Path)))
            {
                var after = KnowledgeBase.Advisor.Evaluate(KnowledgeBase.Without(c, field.Path));
                var without = KnowledgeBase.Without(c, field.Path);
                var fired = after.Advice.Select(a => a.RuleId).ToHashSet(StringComparer.Ordinal);
                foreach (var item in before.Advice)
                {
                    var (reads, knownTests) = rules[item.RuleId].Deps;
                    if (knownTests.Contains(field.Path) || knownTests.Contains(field.Block)) continue; // known(x) is not monotone, by design
                    if (!reads.Contains(field.Path))
                        fired.Should().Contain(item.RuleId, $"{c.Id}: {item.RuleId} does not read {field.Path}, so making it unknown must not remove the advice");
                    else if (!fired.Contains(item.RuleId))
                        // Advice lists only undecided rules whose deciding facts can be obtained at
                        // the case's stage, so the rule's own outcome is asked for.
                        KnowledgeBase.Advisor.Explain(without, item.RuleId).Outcome.Should().Be(RuleOutcome.Undecided,
                            $"{c.Id}: {item.RuleId} fired with {field.Path} known; unknown, it may become undecided but never definitely not fired");
                    checkedPairs++;
                }
            }
        }
        foreach (var c in KnowledgeBase.Corpus) Check(c);
        Cases.Sample(Check, iter: 40);
        checkedPairs.Should().BeGreaterThan(1000, "the property must have been exercised, not vacuously true");
    }
}
