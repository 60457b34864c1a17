using System.Text.Json;
using CtoRules.Advice;

namespace CtoRules.Engine.Explanation;

/// <summary>The JSON form of a <see cref="RuleExplanation"/>: the same conventions as advice@1 (camelCase).</summary>
public static class ExplanationJson
{
    public static string Serialize(RuleExplanation explanation, bool indented = true) =>
        JsonSerializer.Serialize(explanation, indented ? AdviceJson.Indented : AdviceJson.Compact);

    public static RuleExplanation? Deserialize(string json) => JsonSerializer.Deserialize<RuleExplanation>(json, AdviceJson.Indented);
}
