namespace CtoRules.Cases;

/// <summary>
/// Builds a <see cref="Case"/> in code (downstream apps, tests, generators). Values are checked as
/// the reader checks them; <see cref="Build"/> runs the consistency rules and throws
/// <see cref="InvalidCaseException"/> with every error.
/// </summary>
public sealed class CaseBuilder
{
    private readonly string _id;
    private string? _description;
    private readonly double[] _values;
    private int _blocks;

    public CaseBuilder(string id, string stage)
    {
        _id = id;
        _values = new double[CaseSchema.SlotCount];
        Array.Fill(_values, double.NaN);
        Set("procedure.stage", stage);
    }

    public CaseBuilder Describe(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Marks a block as given (e.g. IVUS performed) without any fact in it.</summary>
    public CaseBuilder Block(string block)
    {
        var i = CaseSchema.BlockIndex(block);
        if (i < 0) throw new ArgumentException($"unknown block '{block}'", nameof(block));
        _blocks |= 1 << i;
        return this;
    }

    public CaseBuilder Set(string path, bool value) => SetRaw(path, FactType.Boolean, value ? 1 : 0);

    public CaseBuilder Set(string path, double value) => SetRaw(path, FactType.Number, value);

    public CaseBuilder Set(string path, string enumValue)
    {
        var field = Field(path);
        if (field.Type != FactType.Enum) throw new ArgumentException($"{path} is not an enum", nameof(path));
        return Store(field, field.Encode(enumValue));
    }

    private CaseBuilder SetRaw(string path, FactType type, double value)
    {
        var field = Field(path);
        var ok = type == FactType.Boolean ? field.Type == FactType.Boolean
            : field.Type is FactType.Number or FactType.Integer;
        if (!ok) throw new ArgumentException($"{path} is {field.Type}, not {type}", nameof(path));
        // NaN is how a case stores "unknown"; setting it would mark the block as given with no fact.
        if (double.IsNaN(value)) throw new ArgumentException($"{path}: NaN is not a value; leave the fact unset when it is unknown", nameof(value));
        if (field.Type == FactType.Integer && value != Math.Floor(value))
            throw new ArgumentException($"{path} must be an integer", nameof(path));
        if (value < field.Minimum || value > field.Maximum)
            throw new ArgumentOutOfRangeException(nameof(value), $"{path}: {value} is outside {field.Minimum}–{field.Maximum}");
        return Store(field, value);
    }

    private static FactField Field(string path) =>
        CaseSchema.Find(path) ?? throw new ArgumentException($"unknown path '{path}'", nameof(path));

    private CaseBuilder Store(FactField field, double value)
    {
        _values[field.Slot] = value;
        _blocks |= 1 << CaseSchema.BlockIndex(field.Block);
        return this;
    }

    public Case Build()
    {
        var errors = CaseConsistency.Check(_values).ToList();
        if (!IdPattern.IsValid(_id)) errors.Insert(0, new CaseError("id", IdPattern.Describe(_id)));
        if (errors.Count > 0) throw new InvalidCaseException(errors);
        return new Case(_id, _description, (double[])_values.Clone(), _blocks);
    }
}
