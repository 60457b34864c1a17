using System.Globalization;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Authoring.Advising;
using CtoRules.Cases;
using CtoRules.Engine.Corpus;

namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// A corpus case as the site edits it: the advisor's case form plus the expectations of
/// corpus-case@1 (advice, noAdvice, order, scores, rules, noRules, noScores). Everything is kept
/// as entered and checked by the corpus reader itself (<see cref="Check"/>), so the form shows the
/// same messages and JSON paths as <c>ctorules test</c>.
/// </summary>
public sealed class CorpusCaseForm
{
    public string Title { get; set; } = "";

    /// <summary>Comma-separated tags.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Where the expectation comes from (the review's section, a guideline).</summary>
    public string Source { get; set; } = "";

    public CaseForm Case { get; set; } = new();

    public List<ExpectedAdvice> Advice { get; set; } = [];

    public List<ExpectedAdvice> NoAdvice { get; set; } = [];

    public List<ExpectedScore> Scores { get; set; } = [];

    /// <summary>One pair a line: <c>A before B</c> (or <c>A, B</c>).</summary>
    public string Order { get; set; } = "";

    /// <summary>Comma-separated rule ids that must fire.</summary>
    public string Rules { get; set; } = "";

    /// <summary>Comma-separated rule ids that must not fire.</summary>
    public string NoRules { get; set; } = "";

    /// <summary>Comma-separated score names that must not be computed.</summary>
    public string NoScores { get; set; } = "";

    /// <summary>The corpus file's name, without extension: the case's id.</summary>
    public string Name => Case.Id;

    /// <summary>The document (a JSON tree in corpus-case@1 shape).</summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject { ["schema"] = CorpusCase.SchemaId, ["title"] = Title.Trim() };
        if (List(Tags) is { Count: > 0 } tags) root["tags"] = Array(tags);
        if (!string.IsNullOrWhiteSpace(Source)) root["source"] = Source.Trim();
        root["case"] = Case.ToJson();
        var expect = new JsonObject();
        if (Advice.Count > 0) expect["advice"] = AdviceList(Advice);
        if (NoAdvice.Count > 0) expect["noAdvice"] = AdviceList(NoAdvice);
        if (Pairs() is { Count: > 0 } order) expect["order"] = new JsonArray([.. order]);
        if (Scores.Count > 0)
        {
            var scores = new JsonObject();
            foreach (var s in Scores)
                // Points that do not parse are written as text, and the reader names them (expect.scores.X).
                scores[s.Score.Trim()] = double.TryParse(s.Points, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : s.Points.Trim();
            expect["scores"] = scores;
        }
        if (List(Rules) is { Count: > 0 } rules) expect["rules"] = Array(rules);
        if (List(NoRules) is { Count: > 0 } noRules) expect["noRules"] = Array(noRules);
        if (List(NoScores) is { Count: > 0 } noScores) expect["noScores"] = Array(noScores);
        root["expect"] = expect;
        return root;
    }

    public string ToYaml() => CorpusYaml.Write(ToJson());

    /// <summary>Checks the document with the corpus reader (file name: the case's id).</summary>
    public CorpusCaseCheck Check()
    {
        var text = ToYaml();
        var parsed = CorpusReader.Read(text, $"tests/corpus/{Name}.yaml");
        var errors = parsed.Errors;
        if (string.IsNullOrWhiteSpace(Title)) errors = errors.Add(new CaseError("title", "a corpus case needs a title saying what it tests"));
        if (Scores.Any(s => string.IsNullOrWhiteSpace(s.Score))) errors = errors.Add(new CaseError("expect.scores", "a score expectation needs the score's name"));
        return new CorpusCaseCheck(text, parsed, errors);
    }

    /// <summary>Reads a corpus-case@1 file into a form; the check holds the reader's errors for the file as given.</summary>
    public static (CorpusCaseForm Form, CorpusCaseCheck Check) Load(string text, string file)
    {
        var form = new CorpusCaseForm();
        JsonNode? root;
        try
        {
            root = YamlJson.YamlToJson(text);
        }
        catch (YamlJsonException e)
        {
            return (form, new CorpusCaseCheck(text, null, [new CaseError(e.Path ?? "$", e.Message)]));
        }
        if (root is JsonObject o)
        {
            form.Title = Str(o["title"]) ?? "";
            form.Tags = Joined(o["tags"]);
            form.Source = Str(o["source"]) ?? "";
            if (o["case"] is JsonObject c) form.Case = CaseForm.Load(c.ToJsonString()).Form;
            if (o["expect"] is JsonObject e)
            {
                form.Advice = Expectations(e["advice"]);
                form.NoAdvice = Expectations(e["noAdvice"]);
                form.Scores = e["scores"] is JsonObject s ? [.. s.Select(p => new ExpectedScore { Score = p.Key, Points = Str(p.Value) ?? "" })] : [];
                form.Order = e["order"] is JsonArray pairs ? string.Join("\n", pairs.OfType<JsonArray>().Select(p => string.Join(" before ", p.Select(Str)))) : "";
                form.Rules = Joined(e["rules"]);
                form.NoRules = Joined(e["noRules"]);
                form.NoScores = Joined(e["noScores"]);
            }
        }
        var parsed = CorpusReader.Read(text, file);
        return (form, new CorpusCaseCheck(text, parsed, parsed.Errors));
    }

    /// <summary>
    /// A new corpus case from the advisor: its case, and the advice it gave as the expectation
    /// (every kind and action, the rules behind them, and the scores that are complete). The
    /// expert trims this to what the review supports before saving.
    /// </summary>
    public static CorpusCaseForm Capture(CaseForm caseForm, AdviceDocument advice)
    {
        var copy = CaseForm.Load(caseForm.ToJsonText()).Form;
        var form = new CorpusCaseForm
        {
            Case = copy,
            Title = copy.Description ?? $"{copy.Id} (captured from the advisor)",
            Tags = copy["procedure.stage"] ?? "",
            Source = $"advice of {advice.RuleSet.Id} {advice.RuleSet.Version} captured in the advisor; trim to what the review supports",
            Advice = [.. advice.Advice.SelectMany(a => a.Actions.Select(x => (a.Kind, Action: x))).Distinct()
                .Select(p => new ExpectedAdvice { Kinds = p.Kind, Action = p.Action })],
            // A score with undecided items has only a lower bound of points: pinning it would test an unknown.
            Scores = [.. advice.Scores.Where(s => s.Missing.IsEmpty)
                .Select(s => new ExpectedScore { Score = s.Score, Points = s.Points.ToString("0.####", CultureInfo.InvariantCulture) })],
            Rules = string.Join(", ", advice.Advice.Select(a => a.RuleId).Distinct(StringComparer.Ordinal)),
        };
        return form;
    }

    private static JsonArray AdviceList(IEnumerable<ExpectedAdvice> items) => new([.. items.Select(a =>
    {
        var item = new JsonObject();
        var kinds = List(a.Kinds);
        if (kinds.Count == 1) item["kind"] = kinds[0];
        else if (kinds.Count > 1) item["kind"] = Array(kinds);
        if (!string.IsNullOrWhiteSpace(a.Action)) item["action"] = a.Action.Trim();
        return (JsonNode)item;
    })]);

    private List<JsonNode> Pairs() => [.. Order.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => (JsonNode)Array([.. line.Replace(" before ", ",", StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]))];

    private static List<ExpectedAdvice> Expectations(JsonNode? node) => node is JsonArray list
        ? [.. list.Select(i => new ExpectedAdvice { Kinds = i?["kind"] is JsonArray ks ? Joined(ks) : Str(i?["kind"]) ?? "", Action = Str(i?["action"]) ?? "" })]
        : [];

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode)JsonValue.Create(s))]);

    private static string Joined(JsonNode? node) => node is JsonArray a ? string.Join(", ", a.Select(Str)) : "";

    private static string? Str(JsonNode? node) => node is JsonValue v ? v.ToString() : null;
}
