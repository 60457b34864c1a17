using System.Collections.Immutable;
using CtoRules.Cases;

namespace CtoRules.Authoring.Advising;

/// <summary>One block of case@1 as the form shows it: its name, a title and its fields in contract order.</summary>
public sealed record CaseFormGroup(string Block, string Title, ImmutableArray<FactField> Fields)
{
    /// <summary>The groups of the form, generated from <see cref="CaseSchema"/> so they cannot drift from the contract.</summary>
    public static ImmutableArray<CaseFormGroup> All { get; } =
        [.. CaseSchema.Blocks.Select(b => new CaseFormGroup(b, TitleOf(b), [.. CaseSchema.Fields.Where(f => f.Block == b)]))];

    private static string TitleOf(string block) => block switch
    {
        "ccta" => "CCTA",
        "ivus" => "IVUS",
        _ => char.ToUpperInvariant(block[0]) + block[1..],
    };

    /// <summary>What the form says about a field's allowed values, e.g. "0–300" or "18–110, whole number".</summary>
    public static string? RangeHint(FactField f) => f.Type switch
    {
        FactType.Number => $"{f.Minimum:0.##}–{f.Maximum:0.##}",
        FactType.Integer => $"{f.Minimum:0}–{f.Maximum:0}, whole number",
        _ => null,
    };
}
