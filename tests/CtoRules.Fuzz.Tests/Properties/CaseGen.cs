using System.Text.Json.Nodes;
using CsCheck;
using CtoRules.Cases;

namespace CtoRules.Fuzz.Tests.Properties;

/// <summary>
/// CsCheck generator of valid cases: a corpus case with up to eight facts set to generated values
/// of their type and range (boundaries included). A change the consistency rules refuse is
/// dropped, so every generated case is valid and close to a clinical one.
/// </summary>
public static class CaseGen
{
    private static readonly FactField[] Settable = [.. CaseSchema.Fields.Where(f => f != CaseSchema.Stage)];

    private static Gen<JsonNode> Value(FactField f) => f.Type switch
    {
        FactType.Boolean => Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)),
        FactType.Enum => Gen.Int[0, f.Values.Length - 1].Select(i => (JsonNode)JsonValue.Create(f.Values[i])),
        FactType.Integer => Gen.Int[(int)(f.Minimum ?? 0), (int)Math.Min(f.Maximum ?? 1000, 100_000)].Select(i => (JsonNode)JsonValue.Create(i)),
        _ => Gen.Frequency(
                (1, Gen.Const(f.Minimum ?? 0)),
                (1, Gen.Const(f.Maximum ?? 1000)),
                (4, Gen.Double[f.Minimum ?? 0, f.Maximum ?? 1000].Select(d => Math.Round(d, 1)))).Select(d => (JsonNode)JsonValue.Create(d)),
    };

    private static readonly Gen<(FactField Field, JsonNode Value)> Fact =
        Gen.Int[0, Settable.Length - 1].SelectMany(i => Value(Settable[i]).Select(v => (Settable[i], v)));

    public static Gen<Case> Case(IReadOnlyList<Case> corpus) =>
        Gen.Select(Gen.Int[0, corpus.Count - 1], Fact.Array[0, 8], (i, facts) =>
        {
            var json = corpus[i].ToJson();
            var current = corpus[i];
            foreach (var (field, value) in facts)
            {
                var next = json.DeepClone().AsObject();
                if (next[field.Block] is not JsonObject block) next[field.Block] = block = new JsonObject();
                block[field.Name] = value.DeepClone();
                var read = CaseReader.Read(next);
                if (!read.IsValid) continue;
                (json, current) = (next, read.Case!);
            }
            return current;
        });
}
