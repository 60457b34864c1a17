using CsCheck;
using CtoRules.Fuzz.Fuzzing;
using CtoRules.Language.Conditions;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>Issue 15, properties: parse → print → parse gives the same tree.</summary>
public sealed class ConditionRoundTripProperties
{
    [Fact]
    public void Parse_print_parse_gives_the_same_tree() =>
        ConditionGen.Condition(6).Sample(text =>
        {
            var first = ConditionParser.Parse(text);
            if (!first.Success) throw new InvalidOperationException($"the generator made a condition that does not parse: {text}: {first.Errors[0].Message}");
            var printed = ConditionPrinter.Print(first.Syntax!);
            var second = ConditionParser.Parse(printed);
            if (!second.Success) throw new InvalidOperationException($"printed '{printed}' does not parse: {second.Errors[0].Message}");
            SyntaxShape.Of(second.Syntax!).Should().Be(SyntaxShape.Of(first.Syntax!), $"'{text}' printed as '{printed}'");
            ConditionPrinter.Print(second.Syntax!).Should().Be(printed, "printing is a fixed point");
        }, iter: 3000);

    [Fact]
    public void The_shape_comparison_can_fail() =>
        // The oracle itself: two conditions that differ only in grouping have different shapes.
        SyntaxShape.Of(ConditionParser.Parse("a and (b or c)").Syntax!).Should().NotBe(SyntaxShape.Of(ConditionParser.Parse("a and b or c").Syntax!));
}
