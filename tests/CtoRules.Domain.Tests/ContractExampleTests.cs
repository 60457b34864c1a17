using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>The example corpus files of the shared contract hold valid cases.</summary>
public class ContractExampleTests
{
    private static string[] ExampleNames() =>
        Directory.GetFiles(ContractFiles.PathOf("examples"), "*.yaml")
            .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Examples() => new(ExampleNames());

    private static CaseReadResult ReadExample(string name)
    {
        var corpus = YamlJson.YamlToJson(File.ReadAllText(ContractFiles.PathOf(Path.Combine("examples", name))));
        return CaseReader.Read(corpus!["case"]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_case_block_is_valid(string name)
    {
        var result = ReadExample(name);

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        result.Case!.Id.Should().StartWith("example-");
    }

    [Fact]
    public void The_three_contract_examples_are_found()
    {
        ExampleNames().Should().Contain(
            ["device-uncrossable-intraplaque.yaml", "planning-post-cabg-full-moon.yaml", "prep-eccentric-extraplaque.yaml"]);
    }

    [Fact]
    public void Example_facts_are_read_as_written()
    {
        var planning = ReadExample("planning-post-cabg-full-moon.yaml").Case!;
        planning.Stage.Should().Be("planning");
        planning.Get("patient.ageYears").Should().Be("74");
        planning.Get("ccta.maxCalciumCsaPct").Should().Be("100");
        planning.Get("lesion.stump").Should().Be("blunt");
        planning.HasBlock("ivus").Should().BeFalse();

        var prep = ReadExample("prep-eccentric-extraplaque.yaml").Case!;
        prep.Get("ivus.calciumDistribution").Should().Be("eccentric");
        prep.Get("procedure.balloonExpansion").Should().Be("incomplete");
        prep.Get("lesion.vessel").Should().BeNull();
    }
}
