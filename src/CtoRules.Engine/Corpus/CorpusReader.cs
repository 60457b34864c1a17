using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Cases;

namespace CtoRules.Engine.Corpus;

/// <summary>
/// Reads corpus-case@1 files (YAML or JSON). Problems with the file or its case are corpus
/// errors with the file and JSON path, not failed expectations.
/// </summary>
public static class CorpusReader
{
    private static readonly string[] TopFields = ["schema", "title", "tags", "source", "case", "expect"];
    private static readonly string[] ExpectFields = ["advice", "noAdvice", "order", "scores", "rules", "noRules", "noScores"];

    /// <summary>Every *.yaml, *.yml and *.json file below a folder, in path order.</summary>
    public static ImmutableArray<CorpusCase> ReadDirectory(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(ReadFile)];

    public static CorpusCase ReadFile(string path)
    {
        var display = Language.Rules.RuleSetReader.Display(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return Broken(display, new CaseError("$", "cannot read the file: " + e.Message));
        }
        return Read(text, display, path.EndsWith(".json", StringComparison.Ordinal));
    }

    public static CorpusCase Read(string text, string file, bool json = false)
    {
        JsonNode? root;
        if (json)
        {
            var parsed = JsonText.Parse(text);
            if (parsed.Errors.Count > 0) return Broken(file, parsed.Errors[0]);
            root = parsed.Node;
        }
        else
        {
            try
            {
                root = YamlJson.YamlToJson(text);
            }
            catch (YamlJsonException e)
            {
                return Broken(file, new CaseError(e.Path ?? "$", e.Message));
            }
        }
        if (root is not JsonObject obj) return Broken(file, new CaseError("$", "a corpus case must be a mapping"));

        var errors = new List<CaseError>();
        foreach (var (name, _) in obj)
            if (!TopFields.Contains(name)) errors.Add(new CaseError(name, $"unknown property '{name}'"));
        if (obj["schema"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)obj["schema"] != CorpusCase.SchemaId)
            errors.Add(new CaseError("schema", $"expected '{CorpusCase.SchemaId}'"));
        var title = obj["title"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : Path.GetFileNameWithoutExtension(file);

        Case? @case = null;
        if (obj["case"] is null) errors.Add(new CaseError("case", "required property is missing"));
        else
        {
            var result = CaseReader.Read(obj["case"]);
            errors.AddRange(result.Errors.Select(e => e with { Path = e.Path == "$" ? "case" : "case." + e.Path }));
            @case = result.Case;
        }
        var expect = obj["expect"] is JsonObject e2 ? ReadExpect(e2, errors) : CorpusExpectations.Empty;
        return new CorpusCase(file, title, Strings(obj["tags"], "tags", errors), obj["source"]?.ToString(), errors.Count == 0 ? @case : null, [.. errors], expect);
    }

    private static CorpusCase Broken(string file, CaseError error) =>
        new(file, Path.GetFileNameWithoutExtension(file), [], null, null, [error], CorpusExpectations.Empty);

    private static CorpusExpectations ReadExpect(JsonObject expect, List<CaseError> errors)
    {
        foreach (var (name, _) in expect)
            if (!ExpectFields.Contains(name)) errors.Add(new CaseError("expect." + name, $"unknown property '{name}'"));

        var order = ImmutableArray.CreateBuilder<(string, string)>();
        if (expect["order"] is JsonArray pairs)
            for (var i = 0; i < pairs.Count; i++)
            {
                if (pairs[i] is JsonArray { Count: 2 } p && p[0]?.ToString() is { } a && p[1]?.ToString() is { } b)
                {
                    CheckAction(a, $"expect.order[{i}][0]", errors);
                    CheckAction(b, $"expect.order[{i}][1]", errors);
                    order.Add((a, b));
                }
                else errors.Add(new CaseError($"expect.order[{i}]", "expected a pair [ACTION-A, ACTION-B]"));
            }

        var scores = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (expect["scores"] is JsonObject so)
            foreach (var (name, value) in so)
            {
                if (value is JsonValue v && v.TryGetValue<double>(out var points)) scores[name] = points;
                else errors.Add(new CaseError($"expect.scores.{name}", "expected a number of points"));
            }

        return new CorpusExpectations(
            AdviceList(expect["advice"], "expect.advice", errors),
            AdviceList(expect["noAdvice"], "expect.noAdvice", errors),
            order.ToImmutable(),
            scores.ToImmutable(),
            Strings(expect["rules"], "expect.rules", errors),
            Strings(expect["noRules"], "expect.noRules", errors),
            Strings(expect["noScores"], "expect.noScores", errors));
    }

    private static ImmutableArray<AdviceExpectation> AdviceList(JsonNode? node, string path, List<CaseError> errors)
    {
        if (node is null) return [];
        if (node is not JsonArray list)
        {
            errors.Add(new CaseError(path, "expected a list of { kind, action }"));
            return [];
        }
        var result = ImmutableArray.CreateBuilder<AdviceExpectation>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (list[i] is not JsonObject item || item["action"]?.ToString() is not { } action)
            {
                errors.Add(new CaseError(at, "expected { kind, action }"));
                continue;
            }
            CheckAction(action, at + ".action", errors);
            var kinds = item["kind"] switch
            {
                null => Vocabulary.Kinds,
                JsonArray ks => [.. ks.Select(k => k?.ToString() ?? "")],
                var k => [k.ToString()],
            };
            foreach (var k in kinds.Where(k => !Vocabulary.IsKind(k)))
                errors.Add(new CaseError(at + ".kind", $"'{k}' is not a kind ({string.Join(", ", Vocabulary.Kinds)})"));
            result.Add(new AdviceExpectation(kinds, action));
        }
        return result.ToImmutable();
    }

    private static void CheckAction(string action, string path, List<CaseError> errors)
    {
        if (!Vocabulary.IsAction(action)) errors.Add(new CaseError(path, $"'{action}' is not an action code of vocabulary@1"));
    }

    private static ImmutableArray<string> Strings(JsonNode? node, string path, List<CaseError> errors)
    {
        if (node is null) return [];
        if (node is JsonArray list) return [.. list.Select(n => n?.ToString() ?? "")];
        errors.Add(new CaseError(path, "expected a list"));
        return [];
    }
}
