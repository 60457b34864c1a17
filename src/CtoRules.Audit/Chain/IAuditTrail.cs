using CtoRules.Audit.Records;

namespace CtoRules.Audit.Chain;

/// <summary>
/// The one call every evaluating channel makes (API, batch, site advisor, CDS Hooks): append a
/// record to the hash chain. Safe to call concurrently, from several processes on one database.
/// </summary>
public interface IAuditTrail
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancel = default);
}
