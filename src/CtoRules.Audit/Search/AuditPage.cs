using CtoRules.Audit.Records;

namespace CtoRules.Audit.Search;

/// <summary>One page of a selection, newest first, and how many records the whole selection has.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, int Page, int PageSize, long Total)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
