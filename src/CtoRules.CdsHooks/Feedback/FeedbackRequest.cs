using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.CdsHooks.Services;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>Reads a CDS Hooks 2.0 feedback body (<c>{"feedback":[…]}</c>); errors name the JSON path.</summary>
public static class FeedbackRequest
{
    public static IReadOnlyList<CdsFeedbackItem> Parse(string json)
    {
        var root = StrictJson.Parse(json);
        // Indexing a JSON string or array by name throws (found by fuzzing: a 500), so the shape comes first.
        if (root is not JsonObject o) throw new CdsRequestException("$", "the feedback must be a JSON object");
        if (o["feedback"] is not JsonArray list) throw new CdsRequestException("feedback", "required array is missing");
        var items = new List<CdsFeedbackItem>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"feedback[{i}]";
            if (list[i] is not JsonObject f) throw new CdsRequestException(at, "must be an object");
            var card = Str(f, "card") ?? throw new CdsRequestException($"{at}.card", "required string is missing");
            var outcome = Str(f, "outcome") ?? throw new CdsRequestException($"{at}.outcome", "required string is missing");
            var stamp = Str(f, "outcomeTimestamp") ?? throw new CdsRequestException($"{at}.outcomeTimestamp", "required string is missing");
            if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                throw new CdsRequestException($"{at}.outcomeTimestamp", $"'{stamp}' is not an ISO 8601 instant");
            var reason = f["overrideReason"] as JsonObject;
            var coding = reason?["reason"] as JsonObject;
            if (outcome == "overridden" && reason is null)
                throw new CdsRequestException($"{at}.overrideReason", "an overridden card needs an overrideReason (a reason, a userComment or both)");
            items.Add(new CdsFeedbackItem(card, outcome, coding is null ? null : Str(coding, "system"), coding is null ? null : Str(coding, "code"),
                coding is null ? null : Str(coding, "display"), reason is null ? null : Str(reason, "userComment"), when.ToUniversalTime()));
        }
        return items;
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
