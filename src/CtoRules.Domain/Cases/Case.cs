using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace CtoRules.Cases;

/// <summary>
/// A validated <c>ctorules/case@1</c>: an immutable vector of facts indexed by
/// <see cref="FactField.Slot"/>. An unknown fact is <see cref="double.NaN"/>: absent facts are
/// never defaulted. Build one with <see cref="CaseReader"/> or <see cref="CaseBuilder"/>.
/// </summary>
public sealed class Case
{
    private readonly double[] _values;
    private readonly int _blocks;

    internal Case(string id, string? description, double[] values, int blocks)
    {
        Id = id;
        Description = description;
        _values = values;
        _blocks = blocks;
    }

    public string Id { get; }
    public string? Description { get; }

    /// <summary>The raw vector (NaN = unknown). Read-only view for engines.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Exposed for compiled rule conditions; never mutate.</summary>
    public double[] UnsafeValues => _values;

    /// <summary>Bit i is set when block <see cref="CaseSchema.Blocks"/>[i] was given.</summary>
    public int BlockMask => _blocks;

    public string Stage => CaseSchema.Stage.Render(_values[CaseSchema.Stage.Slot]);

    public bool HasBlock(string block)
    {
        var i = CaseSchema.BlockIndex(block);
        return i >= 0 && (_blocks & (1 << i)) != 0;
    }

    public bool IsKnown(FactField field) => !double.IsNaN(_values[field.Slot]);

    /// <summary>The value at a path rendered as case@1 writes it, or null when unknown.</summary>
    public string? Get(string path)
    {
        var field = CaseSchema.Find(path) ?? throw new ArgumentException($"unknown path '{path}'", nameof(path));
        var v = _values[field.Slot];
        return double.IsNaN(v) ? null : field.Render(v);
    }

    /// <summary>The known facts as (field, value) pairs in schema order.</summary>
    public IEnumerable<(FactField Field, double Value)> KnownFacts()
    {
        foreach (var f in CaseSchema.Fields)
            if (!double.IsNaN(_values[f.Slot])) yield return (f, _values[f.Slot]);
    }

    /// <summary>The case as case@1 JSON (blocks and facts in contract order).</summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject { ["schema"] = CaseSchema.SchemaId, ["id"] = Id };
        if (Description is not null) root["description"] = Description;
        for (var b = 0; b < CaseSchema.Blocks.Length; b++)
        {
            if ((_blocks & (1 << b)) == 0) continue;
            var block = new JsonObject();
            foreach (var f in CaseSchema.Fields)
            {
                if (f.Block != CaseSchema.Blocks[b] || double.IsNaN(_values[f.Slot])) continue;
                block[f.Name] = JsonValue.Create(f.ToClr(_values[f.Slot]));
            }
            root[CaseSchema.Blocks[b]] = block;
        }
        return root;
    }

    public override string ToString() => ToJson().ToJsonString();
}
