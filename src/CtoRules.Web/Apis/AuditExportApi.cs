using CtoRules.Audit.Export;
using CtoRules.Audit.Search;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CtoRules.Web.Apis;

/// <summary><c>GET /audit/export?format=csv|ndjson&amp;…</c>: the auditor page's selection as a download (auditor or admin, signed in).</summary>
public static class AuditExportApi
{
    public static IEndpointRouteBuilder MapAuditExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export", async (HttpContext http, AuditSearch search, [AsParameters] ExportRequest r, CancellationToken cancel) =>
        {
            var csv = string.Equals(r.Format, "csv", StringComparison.OrdinalIgnoreCase);
            http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=audit.{(csv ? "csv" : "ndjson")}";
            var query = new AuditQuery(r.CaseId, r.From, r.To, r.RuleId, r.ActionCode, r.PackVersion, r.Caller, r.Channel);
            await using var writer = new StreamWriter(http.Response.Body);
            await AuditExporter.WriteAsync(search.StreamAsync(query, cancel), writer, csv ? AuditExportFormat.Csv : AuditExportFormat.Ndjson, cancel);
        }).RequireAuthorization(Policies.CanAudit).ExcludeFromDescription();
        return app;
    }

    public sealed record ExportRequest(
        [FromQuery] string? Format, [FromQuery] string? CaseId, [FromQuery] DateTime? From, [FromQuery] DateTime? To, [FromQuery] string? RuleId,
        [FromQuery] string? ActionCode, [FromQuery] string? PackVersion, [FromQuery] string? Caller, [FromQuery] string? Channel);
}
