using CtoRules.Cases;

namespace CtoRules.Fuzz.Targets;

/// <summary>Words of case@1 for the mutator: every path's name, blocks, enum values, and hostile values.</summary>
public static class CaseVocabulary
{
    private static readonly string[] Names =
        [.. CaseSchema.Fields.Select(f => f.Name).Distinct(), .. CaseSchema.Blocks, "schema", "id", "description", "ctorules/case@1"];

    private static readonly string[] Values =
        [.. CaseSchema.Fields.SelectMany(f => f.Values.IsDefault ? [] : f.Values).Distinct(), .. CaseSchema.Stages];

    public static IReadOnlyList<string> Json { get; } =
        [.. Names.Select(n => $"\"{n}\":"), .. Values.Select(v => $"\"{v}\""), "{", "}", "[", "]", ",", ":", "null", "true", "false", "1e999", "NaN", "-0", "\"\\ud800\"", "{\"a\":1,\"a\":2}"];

    public static IReadOnlyList<string> Yaml { get; } =
        [.. Names.Select(n => $"{n}: "), .. Values, "\n  ", "\n", "- ", "&a ", "*a", "<<: *a", "!!str ", "!!int ", "!!float ", "!!binary ", "? ", ".nan", ".inf", "-.inf", "0x1F", "0o17", "~", "|\n  ", ">-\n  ", "{", "}", "[", "]", "%TAG ! tag:x,2000:\n", "---\n"];
}
