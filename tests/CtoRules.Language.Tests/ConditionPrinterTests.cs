using CtoRules.Language.Conditions;

namespace CtoRules.Language.Tests;

/// <summary>The printer keeps a tree's shape with the fewest parentheses (the property over generated conditions is in CtoRules.Fuzz.Tests).</summary>
public sealed class ConditionPrinterTests
{
    private static string Reprint(string text)
    {
        var parse = ConditionParser.Parse(text);
        parse.Success.Should().BeTrue(string.Join("; ", parse.Errors));
        return ConditionPrinter.Print(parse.Syntax!);
    }

    [Theory]
    [InlineData("a and b or c", "a and b or c")]
    [InlineData("a and (b or c)", "a and (b or c)")]
    [InlineData("(a and b) and c", "a and b and c")]
    [InlineData("a and (b and c)", "a and (b and c)")]
    [InlineData("a or (b or c)", "a or (b or c)")]
    [InlineData("not (a and b)", "not (a and b)")]
    [InlineData("not not a", "not not a")]
    [InlineData("((lesion.lengthMm >= 20))", "lesion.lengthMm >= 20")]
    [InlineData("lesion.vessel not in [LAD,RCA]", "lesion.vessel not in [LAD, RCA]")]
    [InlineData("known(ccta) and score(J-CTO)>=2", "known(ccta) and score(J-CTO) >= 2")]
    [InlineData("x != -1.50 or true", "x != -1.50 or true")]
    public void Prints_with_the_fewest_parentheses_that_keep_the_tree(string text, string printed) =>
        Reprint(text).Should().Be(printed);
}
