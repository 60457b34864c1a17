using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Advice;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;
using CtoRules.Audit.Replay;
using CtoRules.Cases;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CtoRules.Web.Apis.V1;

/// <summary>
/// <c>POST /api/v1/evaluate</c> (one case) and <c>POST /api/v1/evaluate/batch</c> (a JSON array
/// or NDJSON of cases, advice out as NDJSON, streamed): on a published pack, and every
/// evaluation appended to the audit trail before its advice is returned.
/// </summary>
public static class EvaluateV1Api
{
    /// <summary>A batch body may hold many cases; each case is still at most <see cref="CaseSchema.MaxInputBytes"/>.</summary>
    public const int MaxBatchBytes = 32 * 1024 * 1024;

    public const string AuditRecordHeader = "X-Audit-Record";

    public static RouteGroupBuilder MapEvaluateV1Api(this RouteGroupBuilder v1)
    {
        v1.MapPost("/evaluate", EvaluateAsync)
            .RequireAuthorization(ApiKeyDefaults.CanEvaluate)
            .Accepts<JsonObject>("application/json")
            .Produces<AdviceDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Evaluate one case@1 into advice@1 with a published pack (default: the newest)");
        v1.MapPost("/evaluate/batch", BatchAsync)
            .RequireAuthorization(ApiKeyDefaults.CanEvaluate)
            .Accepts<JsonArray>("application/json", "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Evaluate many cases (JSON array or NDJSON); one NDJSON line out per case, an error line for a bad case");
        return v1;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvaluateAsync(
        HttpContext http, PackLibrary packs, IAuditTrail audit, [FromQuery] string? pack, CancellationToken cancel)
    {
        if (http.Request.ContentLength > CaseSchema.MaxInputBytes) return ApiProblems.TooLarge(CaseSchema.MaxInputBytes);
        var body = await EvaluateApi.ReadLimitedTextAsync(http.Request.Body, CaseSchema.MaxInputBytes, cancel);
        if (body is null) return ApiProblems.TooLarge(CaseSchema.MaxInputBytes);
        if (!PackChoice.TryChoose(packs, pack, out var chosen, out var problem)) return problem!;
        var read = CaseReader.ReadJson(body);
        if (!read.IsValid) return ApiProblems.InvalidCase(read.Errors);
        var advice = chosen.Evaluate(read.Case!);
        var record = await audit.AppendAsync(new AuditEntry(http.User.Identity!.Name!, AuditChannels.Api, body, advice), cancel);
        http.Response.Headers[AuditRecordHeader] = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Bytes(AdviceJson.SerializeUtf8(advice), "application/json; charset=utf-8");
    }

    public static async Task<IResult> BatchAsync(HttpContext http, PackLibrary packs, IAuditTrail audit, [FromQuery] string? pack, CancellationToken cancel)
    {
        if (http.Request.ContentLength > MaxBatchBytes) return ApiProblems.TooLarge(MaxBatchBytes);
        var body = await EvaluateApi.ReadLimitedTextAsync(http.Request.Body, MaxBatchBytes, cancel);
        if (body is null) return ApiProblems.TooLarge(MaxBatchBytes);
        if (!PackChoice.TryChoose(packs, pack, out var chosen, out var problem)) return problem!;
        List<string> cases;
        try
        {
            cases = BatchCases.Split(body);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest("The batch is not a JSON array of cases", $"{e.Message} (send a JSON array, or one case per line as NDJSON)");
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var caller = http.User.Identity!.Name!;
        // The cases go through the engine's batch API, CompiledRuleSet.DefaultBatchSize per NRules
        // session; lines still come out in order, each chunk written and flushed as it is done.
        var chunk = Engine.Compilation.CompiledRuleSet.DefaultBatchSize;
        for (var start = 0; start < cases.Count; start += chunk)
        {
            var end = Math.Min(cases.Count, start + chunk);
            var lines = new string?[end - start];
            var valid = new List<(int Slot, Case Case)>(lines.Length);
            for (var i = start; i < end; i++)
            {
                var read = cases[i].Length > CaseSchema.MaxInputBytes
                    ? null
                    : CaseReader.ReadJson(cases[i]);
                if (read is null)
                    lines[i - start] = ErrorLine(i, null, [new { path = "$", message = $"a case is at most {CaseSchema.MaxInputBytes} bytes" }]);
                else if (!read.IsValid)
                    lines[i - start] = ErrorLine(i, CaseIdOf(cases[i]), read.Errors.Select(e => new { path = e.Path, message = e.Message }));
                else valid.Add((i - start, read.Case!));
            }
            var advice = chosen.Advisor.EvaluateBatch([.. valid.Select(v => v.Case)]);
            for (var k = 0; k < valid.Count; k++)
            {
                var slot = valid[k].Slot;
                await audit.AppendAsync(new AuditEntry(caller, AuditChannels.ApiBatch, cases[start + slot], advice[k]), cancel);
                lines[slot] = AdviceJson.Serialize(advice[k], indented: false);
            }
            foreach (var line in lines) await http.Response.WriteAsync(line + "\n", cancel);
            await http.Response.Body.FlushAsync(cancel);
        }
        return Results.Empty;
    }

    private static string ErrorLine(int index, string? caseId, IEnumerable<object> errors) => JsonSerializer.Serialize(new
    {
        error = new { index, caseId, title = "The case is not a valid ctorules/case@1", errors },
    }, JsonSerializerOptions.Web);

    private static string? CaseIdOf(string json)
    {
        try { return JsonNode.Parse(json) is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null; }
        catch (JsonException) { return null; }
    }
}
