using System.Text.Json.Nodes;

namespace CtoRules.Audit.Replay;

/// <summary>
/// The differences between two JSON documents, by JSON path. Arrays of objects that carry an
/// identity (<c>ruleId</c>, <c>score</c>, <c>fact</c>, <c>key</c>, <c>item</c>) are matched by it,
/// so one added advice item is one difference, not a shift of every item after it.
/// </summary>
public static class JsonDiff
{
    private static readonly string[] IdentityKeys = ["ruleId", "score", "fact", "key", "item"];

    public static IReadOnlyList<JsonDifference> Compare(JsonNode? before, JsonNode? after)
    {
        var list = new List<JsonDifference>();
        Walk("$", before, after, list);
        return list;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<JsonDifference> list)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var inA = oa.TryGetPropertyValue(key, out var va);
                var inB = ob.TryGetPropertyValue(key, out var vb);
                var p = path + "." + key;
                if (inA && inB) Walk(p, va, vb, list);
                else list.Add(new JsonDifference(p, inA ? Text(va) : null, inB ? Text(vb) : null));
            }
            return;
        }
        if (a is JsonArray aa && b is JsonArray ab)
        {
            var identity = IdentityOf(aa, ab);
            if (identity is null)
            {
                for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                {
                    var p = $"{path}[{i}]";
                    if (i < aa.Count && i < ab.Count) Walk(p, aa[i], ab[i], list);
                    else list.Add(new JsonDifference(p, i < aa.Count ? Text(aa[i]) : null, i < ab.Count ? Text(ab[i]) : null));
                }
                return;
            }
            var byA = aa.ToDictionary(n => (string)n![identity]!, n => n);
            var byB = ab.ToDictionary(n => (string)n![identity]!, n => n);
            foreach (var id in byA.Keys.Union(byB.Keys))
            {
                var p = $"{path}[?(@.{identity}=='{id}')]";
                if (byA.TryGetValue(id, out var va) && byB.TryGetValue(id, out var vb)) Walk(p, va, vb, list);
                else list.Add(new JsonDifference(p, byA.TryGetValue(id, out var x) ? Text(x) : null, byB.TryGetValue(id, out var y) ? Text(y) : null));
            }
            return;
        }
        if (!JsonNode.DeepEquals(a, b)) list.Add(new JsonDifference(path, Text(a), Text(b)));
    }

    /// <summary>The identity key every element of both arrays has as a string, unique within each array; else null.</summary>
    private static string? IdentityOf(JsonArray a, JsonArray b)
    {
        var all = a.Concat(b).ToList();
        if (all.Count == 0 || all.Any(n => n is not JsonObject)) return null;
        foreach (var key in IdentityKeys)
        {
            if (!all.All(n => n![key] is JsonValue v && v.TryGetValue<string>(out _))) continue;
            if (a.Select(n => (string)n![key]!).Distinct().Count() == a.Count && b.Select(n => (string)n![key]!).Distinct().Count() == b.Count)
                return key;
        }
        return null;
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
