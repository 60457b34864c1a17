using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CtoRules.Audit.Replay;
using CtoRules.Cases;
using CtoRules.Engine.Explanation;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CtoRules.Web.Apis.V1;

/// <summary>
/// <c>POST /api/v1/explain</c>: <c>{"ruleId": "...", "case": {case@1}}</c> → the rule's condition
/// as an annotated tree (<c>Advisor.Explain</c>): fired, not fired, undecided or out of scope,
/// and which clauses decided it. Scope <c>evaluate</c> (it evaluates the case); not audited, as it
/// gives no advice.
/// </summary>
public static class ExplainV1Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static RouteGroupBuilder MapExplainV1Api(this RouteGroupBuilder v1)
    {
        v1.MapPost("/explain", ExplainAsync)
            .RequireAuthorization(ApiKeyDefaults.CanEvaluate)
            .RequireJsonBody()
            .Accepts<JsonObject>("application/json")
            .Produces<RuleExplanation>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Why or why not: a rule's condition annotated for a case");
        return v1;
    }

    public static async Task<IResult> ExplainAsync(HttpContext http, PackLibrary packs, [FromQuery] string? pack, CancellationToken cancel)
    {
        if (http.Request.ContentLength > CaseSchema.MaxInputBytes) return ApiProblems.TooLarge(CaseSchema.MaxInputBytes);
        var body = await EvaluateApi.ReadLimitedTextAsync(http.Request.Body, CaseSchema.MaxInputBytes, cancel);
        if (body is null) return ApiProblems.TooLarge(CaseSchema.MaxInputBytes);
        JsonObject? request;
        try { request = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException e) { return ApiProblems.BadRequest("The body is not JSON", e.Message); }
        if (request?["ruleId"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var ruleId) || ruleId.Length == 0)
            return ApiProblems.BadRequest("ruleId is missing", "send {\"ruleId\": \"<rule id>\", \"case\": {<a ctorules/case@1>}}");
        if (!PackChoice.TryChoose(packs, pack, out var chosen, out var problem)) return problem!;
        var read = CaseReader.Read(request["case"]);
        if (!read.IsValid) return ApiProblems.InvalidCase(read.Errors.Select(e => e with { Path = "case." + e.Path }));
        if (chosen.RuleSet.Find(ruleId) is null)
            return ApiProblems.NotFound("Unknown rule", $"pack {chosen.Manifest.Version} has no rule '{ruleId}'");
        return Results.Json(chosen.Advisor.Explain(read.Case!, ruleId), Json);
    }
}
