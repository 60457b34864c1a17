using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.CdsHooks.Feedback;
using CtoRules.CdsHooks.Security;
using CtoRules.CdsHooks.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CtoRules.Web.Apis;

/// <summary>
/// CDS Hooks 2.0 (docs/cds-hooks.md): <c>GET /cds-services</c>, <c>POST /cds-services/{id}</c>,
/// <c>POST /cds-services/{id}/feedback</c>, with the CORS headers the specification asks for.
/// Thin: every decision is in CtoRules.CdsHooks.
/// </summary>
public static class CdsHooksApi
{
    public const int MaxRequestBytes = 5 * 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static WebApplication MapCdsHooks(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<CdsFeedbackStore>().Migrate();
        var options = app.Services.GetRequiredService<CdsHooksOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CtoRules.CdsHooks");
        if (options.AllowUnauthenticated)
            log.LogWarning("CDS Hooks accepts calls WITHOUT a JWT (CdsHooks:AllowUnauthenticated, Development only)");

        var cors = new CdsCorsPolicy(options.AllowedOrigins);
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/cds-services")) { await next(context); return; }
            // CDS Hooks 2.0, "Cross-Origin Resource Sharing": browser-based clients call the service.
            var preflight = HttpMethods.IsOptions(context.Request.Method);
            foreach (var (name, value) in cors.HeadersFor(context.Request.Headers.Origin.FirstOrDefault(), preflight))
                context.Response.Headers.Append(name, value);
            if (preflight) { context.Response.StatusCode = StatusCodes.Status204NoContent; return; }
            await next(context);
        });

        app.MapGet("/cds-services", (CdsHookService service) =>
            Results.Json(new { services = service.Discover() }, Json));
        app.MapPost("/cds-services/{id}", CallAsync);
        app.MapPost("/cds-services/{id}/feedback", FeedbackAsync);
        return app;
    }

    private static async Task<IResult> CallAsync(string id, HttpRequest request, CdsHookService service, CdsJwtVerifier verifier,
        CdsHooksOptions options, CdsFeedbackStore store, ILoggerFactory logs, CtoRules.Audit.Chain.IAuditTrail audit, CancellationToken cancel)
    {
        var (refused, body) = await AdmitAsync(id, request, service, verifier, options, logs, cancel);
        if (refused is not null) return refused;
        try
        {
            var call = CdsRequest.Parse(body!);
            var result = await service.CallAsync(id, call, SiteBase(request, options), cancel);
            // Every evaluation is audited, whatever the channel (docs/audit.md).
            string? auditRecordId = null;
            if (result.Advice is { } evaluated && result.CaseJson is { } caseJson)
            {
                var record = await audit.AppendAsync(new CtoRules.Audit.Chain.AuditEntry("cds-hooks:" + id, CtoRules.Audit.Records.AuditChannels.CdsHooks, caseJson, evaluated), cancel);
                auditRecordId = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            // Each card remembers its audit record, so feedback on it leads back to the evaluation.
            if (result.Advice is { } advice && result.Cards.Length > 0)
                await store.RecordCardsAsync(id, call.HookInstance, advice.RuleSet.Id, advice.RuleSet.Version, result.Cards, auditRecordId, cancel);
            var response = new JsonObject { ["cards"] = JsonSerializer.SerializeToNode(result.Cards, Json) };
            if (result.Notes.Length > 0)
                response["extension"] = new JsonObject
                {
                    ["org.ctorules.input"] = result.InputKind,
                    ["org.ctorules.notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
                };
            return Results.Content(response.ToJsonString(), "application/json", Encoding.UTF8);
        }
        catch (CdsRequestException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a valid CDS Hooks request", e.Message, e.Path);
        }
    }

    private static async Task<IResult> FeedbackAsync(string id, HttpRequest request, CdsHookService service, CdsJwtVerifier verifier,
        CdsHooksOptions options, CdsFeedbackStore store, ILoggerFactory logs, CancellationToken cancel)
    {
        var (refused, body) = await AdmitAsync(id, request, service, verifier, options, logs, cancel);
        if (refused is not null) return refused;
        try
        {
            var items = FeedbackRequest.Parse(body!);
            var receipt = await store.RecordFeedbackAsync(id, items, cancel);
            return Results.Json(new { stored = receipt.Stored, duplicates = receipt.Duplicates, refused = receipt.Refused }, Json);
        }
        catch (CdsRequestException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a valid CDS Hooks feedback request", e.Message, e.Path);
        }
    }

    /// <summary>A known service, an authenticated caller and a body within the limit: the body, or the problem to answer.</summary>
    private static async Task<(IResult? Refused, string? Body)> AdmitAsync(string id, HttpRequest request, CdsHookService service,
        CdsJwtVerifier verifier, CdsHooksOptions options, ILoggerFactory logs, CancellationToken cancel)
    {
        if (!service.IsKnownService(id)) return (NotFound(id), null);
        if (await AuthenticateAsync(request, verifier, options, logs, cancel) is { } denied) return (denied, null);
        var body = await EvaluateApi.ReadLimitedTextAsync(request.Body, MaxRequestBytes, cancel);
        return body is null
            ? (Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large", $"at most {MaxRequestBytes} bytes"), null)
            : (null, body);
    }

    /// <summary>Null when the caller may proceed; else the 401 problem.</summary>
    private static async Task<IResult?> AuthenticateAsync(HttpRequest request, CdsJwtVerifier verifier, CdsHooksOptions options, ILoggerFactory logs, CancellationToken cancel)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (options.AllowUnauthenticated && authorization.Length == 0)
        {
            logs.CreateLogger("CtoRules.CdsHooks").LogWarning("unauthenticated CDS Hooks call to {Path} accepted (Development switch)", request.Path);
            return null;
        }
        var audience = ServiceBase(request, options) + request.Path;
        var verified = await verifier.VerifyAsync(authorization, audience, cancel);
        if (verified.IsValid) return null;
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "The CDS client is not authenticated", verified.Error!);
    }

    private static string ServiceBase(HttpRequest r, CdsHooksOptions o) => (o.BaseUrl ?? $"{r.Scheme}://{r.Host}{r.PathBase}").TrimEnd('/');

    private static string SiteBase(HttpRequest r, CdsHooksOptions o) => (o.SiteBaseUrl ?? ServiceBase(r, o)).TrimEnd('/');

    private static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "No such CDS service", $"'{id}' is not a service of this server; see GET /cds-services");

    private static ProblemHttpResult Problem(int status, string title, string detail, string? path = null) => TypedResults.Problem(
        title: title, detail: detail, statusCode: status,
        extensions: path is null ? null : new Dictionary<string, object?> { ["path"] = path });
}
