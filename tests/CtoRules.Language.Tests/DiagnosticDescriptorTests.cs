using System.Reflection;
using System.Text.RegularExpressions;
using CtoRules.Language.Conditions;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Language.Tests;

public class DiagnosticDescriptorTests
{
    [Fact]
    public void Every_code_is_unique_and_well_formed()
    {
        var codes = DiagnosticDescriptors.All.Select(d => d.Code).ToList();
        codes.Should().NotBeEmpty();
        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => Regex.IsMatch(c, "^CTO[1-5][0-9]{3}$"));
    }

    [Fact]
    public void All_lists_every_public_descriptor_sorted_by_code()
    {
        var fields = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        DiagnosticDescriptors.All.Should().BeEquivalentTo(fields);
        DiagnosticDescriptors.All.Select(d => d.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_title_and_a_message_format() =>
        DiagnosticDescriptors.All.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Title) && !string.IsNullOrWhiteSpace(d.MessageFormat));

    [Theory]
    [InlineData("CTO1022")]
    [InlineData("CTO1023")]
    [InlineData("CTO3005")]
    public void Some_codes_are_warnings(string code) =>
        DiagnosticDescriptors.All.Single(d => d.Code == code).Severity.Should().Be(DiagnosticSeverity.Warning);

    [Theory]
    [InlineData("CTO1002")]
    [InlineData("CTO2001")]
    [InlineData("CTO3001")]
    [InlineData("CTO3008")]
    public void Other_codes_are_errors(string code) =>
        DiagnosticDescriptors.All.Single(d => d.Code == code).Severity.Should().Be(DiagnosticSeverity.Error);

    [Fact]
    public void Create_formats_the_message_with_its_arguments()
    {
        var at = new SourceLocation("rules/x.md", 2, 3);
        DiagnosticDescriptors.UnknownField.Create(at, "stag", "; did you mean 'stage'?").ToString()
            .Should().Be("rules/x.md(2,3): error CTO1005: unknown field 'stag'; did you mean 'stage'?");
        DiagnosticDescriptors.MissingFrontMatter.Create(at).Message
            .Should().Be("a rule file must start with YAML front matter between two '---' lines");
        DiagnosticDescriptors.NoRules.Create(SourceLocation.InFile("rules/ruleset.yaml")).ToString()
            .Should().Be("rules/ruleset.yaml: warning CTO1022: the rule set has no rules");
    }

    /// <summary>Every code the parser and the binder produce maps to the descriptor of that code.</summary>
    [Theory]
    [InlineData("CTO2001")]
    [InlineData("CTO2002")]
    [InlineData("CTO2003")]
    [InlineData("CTO2004")]
    [InlineData("CTO3001")]
    [InlineData("CTO3002")]
    [InlineData("CTO3003")]
    [InlineData("CTO3004")]
    [InlineData("CTO3005")]
    [InlineData("CTO3006")]
    [InlineData("CTO3007")]
    [InlineData("CTO3010")]
    public void Condition_errors_become_diagnostics_of_their_code(string code)
    {
        var d = ConditionDiagnostics.Create(new ConditionError(code, "the message", 4), new SourceLocation("f.md", 1, 5));
        d.Code.Should().Be(code);
        d.Message.Should().Be("the message");
        d.Descriptor.Should().BeSameAs(DiagnosticDescriptors.All.Single(x => x.Code == code));
    }
}
