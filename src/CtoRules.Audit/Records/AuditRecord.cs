namespace CtoRules.Audit.Records;

/// <summary>
/// One evaluation, as the audit trail keeps it. Append-only: <see cref="Id"/> is the record's
/// place in the chain (1, 2, 3, … with no gaps), <see cref="Hash"/> is SHA-256 over the record's
/// canonical content and <see cref="PreviousHash"/>, so editing, deleting or reordering a row
/// breaks the chain at that row (docs/audit.md).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    /// <summary>UTC, to the millisecond (both providers keep it exactly, so the hash recomputes).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>The user name or <c>apikey:NAME</c>.</summary>
    public string Caller { get; set; } = "";

    /// <summary>api, api-batch, site, cds-hooks, cli (<see cref="AuditChannels"/>).</summary>
    public string Channel { get; set; } = "";

    public string CaseId { get; set; } = "";

    public string PackId { get; set; } = "";
    public string PackVersion { get; set; } = "";

    /// <summary>The pack's digest; null for an evaluation on an unpublished working copy.</summary>
    public string? PackDigest { get; set; }

    /// <summary>The case as received (JSON text).</summary>
    public string CaseJson { get; set; } = "";

    /// <summary>The advice@1 output (compact JSON text).</summary>
    public string AdviceJson { get; set; } = "";

    /// <summary>The fired rules, space separated and space padded (" a b "), for search.</summary>
    public string RuleIds { get; set; } = "";

    /// <summary>The action codes of the advice, space separated and space padded, for search.</summary>
    public string ActionCodes { get; set; } = "";

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
