using CtoRules.Cases;

namespace CtoRules.Engine.Explanation;

/// <summary>
/// The "path = value" strings of <c>because</c>, shared: for yes/no and enumerated facts every
/// possible string is built once per process (they are most of the reasons an evaluation gives);
/// numbers are rendered per case.
/// </summary>
internal static class FactText
{
    private static readonly string[]?[] Shared = Build();

    private static string[]?[] Build()
    {
        var shared = new string[]?[CaseSchema.Fields.Max(f => f.Slot) + 1];
        foreach (var f in CaseSchema.Fields)
            shared[f.Slot] = f.Type switch
            {
                FactType.Boolean => [$"{f.Path} = {f.Render(0)}", $"{f.Path} = {f.Render(1)}"],
                FactType.Enum => [.. f.Values.Select((_, i) => $"{f.Path} = {f.Render(i)}")],
                _ => null,
            };
        return shared;
    }

    public static string PathEquals(FactField field, double value)
    {
        if (field.Slot < Shared.Length && Shared[field.Slot] is { } strings)
        {
            var i = field.Type == FactType.Boolean ? (value != 0 ? 1 : 0) : (int)value;
            if ((uint)i < (uint)strings.Length) return strings[i];
        }
        return $"{field.Path} = {field.Render(value)}";
    }
}
