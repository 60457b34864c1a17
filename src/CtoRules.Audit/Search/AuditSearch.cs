using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Search;

/// <summary>Finds audit records (the auditor pages, the export, the CLI).</summary>
public sealed class AuditSearch(AuditStore store)
{
    public async Task<AuditPage> FindAsync(AuditQuery query, CancellationToken cancel = default)
    {
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        await using var db = store.CreateContext();
        var selection = Apply(db.Records.AsNoTracking(), query);
        var total = await selection.LongCountAsync(cancel);
        var records = await selection.OrderByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancel);
        return new AuditPage(records, page, size, total);
    }

    /// <summary>The whole selection in chain order, streamed (for export).</summary>
    public async IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        await foreach (var r in Apply(db.Records.AsNoTracking(), query).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancel))
            yield return r;
    }

    public static IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> q, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.CaseId)) q = q.Where(r => r.CaseId == query.CaseId.Trim());
        if (query.From is { } from) { var f = Utc(from); q = q.Where(r => r.RecordedAt >= f); }
        if (query.To is { } to) { var t = Utc(to); q = q.Where(r => r.RecordedAt < t); }
        if (!string.IsNullOrWhiteSpace(query.RuleId)) { var w = " " + query.RuleId.Trim() + " "; q = q.Where(r => r.RuleIds.Contains(w)); }
        if (!string.IsNullOrWhiteSpace(query.ActionCode)) { var w = " " + query.ActionCode.Trim().ToUpperInvariant() + " "; q = q.Where(r => r.ActionCodes.Contains(w)); }
        if (!string.IsNullOrWhiteSpace(query.PackVersion)) q = q.Where(r => r.PackVersion == query.PackVersion.Trim());
        if (!string.IsNullOrWhiteSpace(query.Caller)) q = q.Where(r => r.Caller == query.Caller.Trim());
        if (!string.IsNullOrWhiteSpace(query.Channel)) q = q.Where(r => r.Channel == query.Channel.Trim());
        return q;
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
