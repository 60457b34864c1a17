using CtoRules.Authoring.Mutations;
using CtoRules.Cases;
using CtoRules.Engine.Corpus;
using CtoRules.Language.Conditions;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Tests;

public class MutationTests
{
    private static BoundCompare Compare(string path, CompareOp op, double value) => new(CaseSchema.Find(path)!, op, value);

    private static RuleSet Load(TestKb kb)
    {
        var load = RuleSetReader.LoadDirectory(kb.Rules);
        load.HasErrors.Should().BeFalse();
        return load.RuleSet!;
    }

    private const string CaseAt = """
        schema: ctorules/corpus-case@1
        title: Planning, heavy, length LENGTH
        case:
          schema: ctorules/case@1
          id: at-LENGTH
          lesion: { calcification: severe, lengthMm: LENGTH }
          procedure: { stage: planning }
        expect:
          EXPECT
        """;

    [Fact]
    public void A_threshold_moves_one_step_each_way_and_the_operator_to_its_neighbour()
    {
        var mutants = MutantGenerator.Mutate(Compare("lesion.lengthMm", CompareOp.GreaterOrEqual, 20)).Select(m => m.Replacement.ToString()).ToList();
        mutants.Should().Equal("lesion.lengthMm >= 19", "lesion.lengthMm >= 21", "lesion.lengthMm > 20");

        // The step is the field's resolution: tenths of a millimetre for a vessel diameter.
        MutantGenerator.Mutate(Compare("lesion.distalVesselDiameterMm", CompareOp.Less, 2.5)).Select(m => m.Replacement.ToString())
            .Should().Equal("lesion.distalVesselDiameterMm < 2.4", "lesion.distalVesselDiameterMm < 2.6", "lesion.distalVesselDiameterMm <= 2.5");
    }

    [Fact]
    public void A_threshold_is_not_moved_outside_the_fields_range_and_lists_lose_one_value_at_a_time()
    {
        MutantGenerator.Mutate(Compare("ccta.maxCalciumCsaPct", CompareOp.GreaterOrEqual, 100)).Select(m => m.Replacement.ToString())
            .Should().Equal("ccta.maxCalciumCsaPct >= 99", "ccta.maxCalciumCsaPct > 100");
        var field = CaseSchema.Find("lesion.tortuosity")!;
        MutantGenerator.Mutate(new BoundIn(field, [field.Encode("moderate"), field.Encode("severe")], false)).Select(m => m.Replacement.ToString())
            .Should().Equal("lesion.tortuosity in [severe]", "lesion.tortuosity in [moderate]");
        MutantGenerator.Mutate(Compare("lesion.inStent", CompareOp.Equal, 1)).Select(m => m.Replacement.ToString())
            .Should().Equal("lesion.inStent != true");
        MutantGenerator.Mutate(new BoundKnownBlock("ivus")).Should().BeEmpty();
    }

    [Fact]
    public void Replacing_a_clause_keeps_the_rest_of_the_condition()
    {
        var condition = new BoundAnd(new BoundDerived("heavy"), new BoundOr(Compare("lesion.lengthMm", CompareOp.GreaterOrEqual, 20), new BoundKnownBlock("ccta")));
        ConditionClauses.Of(condition).Select(c => c.ToString()).Should().Equal("heavy", "lesion.lengthMm >= 20", "known(ccta)");
        ConditionClauses.Replace(condition, 1, Compare("lesion.lengthMm", CompareOp.Greater, 20)).ToString()
            .Should().Be("(heavy and (lesion.lengthMm > 20 or known(ccta)))");
        var act = () => ConditionClauses.Replace(condition, 3, new BoundConstant(true));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Boundary_mutants_survive_until_cases_at_the_boundary_kill_them()
    {
        var kb = new TestKb();
        var before = MutationRunner.Run(Load(kb), CorpusReader.ReadDirectory(kb.Corpus));
        var length = before.Results.Where(r => r.Mutant.RuleId == "crossing.knuckle" && r.Mutant.Original == "lesion.lengthMm >= 20").ToList();
        length.Should().HaveCount(3);
        length.Should().OnlyContain(r => !r.Killed && r.Distinguishing.IsEmpty, "no case has a length of 19, 20 or 21 mm");
        before.Results.Should().Contain(r => r.Mutant.RuleId == "derived.heavy" && r.Killed, "c1 expects the knuckle a heavy lesion gets");
        before.Score.Should().BeLessThan(100);

        kb.Write("tests/corpus/c5-at-20.yaml", CaseAt.Replace("LENGTH", "20").Replace("EXPECT", "rules: [crossing.knuckle]"));
        kb.Write("tests/corpus/c6-at-19.yaml", CaseAt.Replace("LENGTH", "19").Replace("EXPECT", "noRules: [crossing.knuckle]"));
        var after = MutationRunner.Run(Load(kb), CorpusReader.ReadDirectory(kb.Corpus));
        var killed = after.Results.Where(r => r.Mutant.RuleId == "crossing.knuckle" && r.Mutant.Original == "lesion.lengthMm >= 20").ToList();
        killed.Should().OnlyContain(r => r.Killed);
        killed.Single(r => r.Mutant.Mutated == "lesion.lengthMm >= 19").KilledBy.Should().ContainSingle().Which.Should().EndWith("c6-at-19.yaml");
        killed.Single(r => r.Mutant.Mutated == "lesion.lengthMm >= 21").KilledBy.Should().ContainSingle().Which.Should().EndWith("c5-at-20.yaml");
        after.Score.Should().BeGreaterThan(before.Score);
        after.Compiles.Should().BeLessThanOrEqualTo(after.Results.Length);
    }

    [Fact]
    public void Clause_coverage_counts_only_cases_in_the_rules_scope()
    {
        var kb = new TestKb();
        var set = Load(kb);
        var report = ClauseCoverageReport.Compute(set, CorpusRunner.Run(Engine.Compilation.RuleSetCompiler.GetOrCompile(set), CorpusReader.ReadDirectory(kb.Corpus)));
        var length = report.ForRule("crossing.knuckle").Single(c => c.Text == "lesion.lengthMm >= 20");
        length.TrueIn.Should().NotBeEmpty();
        length.FalseIn.Should().BeEmpty("the only short lesion (c4) is at lesion preparation, past the crossing rule's stage");
        length.Covered.Should().BeFalse();

        kb.Write("tests/corpus/c6-at-19.yaml", CaseAt.Replace("LENGTH", "19").Replace("EXPECT", "noRules: [crossing.knuckle]"));
        var set2 = Load(kb);
        var report2 = ClauseCoverageReport.Compute(set2, CorpusRunner.Run(Engine.Compilation.RuleSetCompiler.GetOrCompile(set2), CorpusReader.ReadDirectory(kb.Corpus)));
        report2.ForRule("crossing.knuckle").Single(c => c.Text == "lesion.lengthMm >= 20").FalseIn.Should().ContainSingle().Which.Should().EndWith("c6-at-19.yaml");
        report2.Covered.Should().BeGreaterThan(report.Covered);
    }
}
