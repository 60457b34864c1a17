using System.Collections.Immutable;

namespace CtoRules.Cases;

/// <summary>
/// One leaf fact of <c>ctorules/case@1</c>: its path, type, range or enum values and its slot in
/// a <see cref="Case"/>'s value vector. The catalogue of fields is <see cref="CaseSchema"/>.
/// </summary>
public sealed record FactField(
    int Slot,
    string Block,
    string Name,
    FactType Type,
    double? Minimum,
    double? Maximum,
    ImmutableArray<string> Values,
    string Meaning)
{
    /// <summary>
    /// The first stage at which the fact can be obtained (a balloon result only from lesion
    /// preparation). Data of the catalogue (<see cref="CaseSchema"/>); docs/contract-extensions.md.
    /// </summary>
    public string KnowableFrom { get; init; } = CaseSchema.Stages[0];

    /// <summary>The last stage at which the fact can still be obtained (a CCTA only before the procedure).</summary>
    public string KnowableUntil { get; init; } = CaseSchema.Stages[^1];

    /// <summary>Whether the fact can be obtained at <paramref name="stage"/>, so that asking for it helps.</summary>
    public bool IsKnowableAt(string stage)
    {
        var at = CaseSchema.StageOrdinal(stage);
        return at >= CaseSchema.StageOrdinal(KnowableFrom) && at <= CaseSchema.StageOrdinal(KnowableUntil);
    }

    /// <summary>
    /// The smallest difference between two values a record would give for a numeric field (1 for
    /// integers; the clinical resolution of a measurement otherwise). The mutation check moves
    /// thresholds by one step.
    /// </summary>
    public double Step { get; init; } = 1;

    /// <summary>The dotted path, e.g. <c>lesion.lengthMm</c>.</summary>
    public string Path { get; } = Block + "." + Name;

    /// <summary>Encodes a value of this field as the double stored in a case's value vector.</summary>
    public double Encode(string enumValue)
    {
        var index = Values.IndexOf(enumValue, StringComparer.Ordinal);
        if (index < 0) throw new ArgumentException($"'{enumValue}' is not a value of {Path}", nameof(enumValue));
        return index;
    }

    /// <summary>Renders a stored value as case@1 writes it: <c>true</c>, <c>35</c>, <c>severe</c>.</summary>
    public string Render(double value) => Type switch
    {
        FactType.Boolean => value != 0 ? "true" : "false",
        FactType.Enum => Values[(int)value],
        _ => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The stored value as a JSON-ready CLR object (bool, long, double or string).</summary>
    public object ToClr(double value) => Type switch
    {
        FactType.Boolean => value != 0,
        FactType.Enum => Values[(int)value],
        FactType.Integer => (long)value,
        _ => value,
    };
}
