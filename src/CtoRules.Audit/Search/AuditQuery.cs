namespace CtoRules.Audit.Search;

/// <summary>
/// A selection of audit records; every criterion is optional and they combine with AND. Dates are
/// UTC, <see cref="From"/> inclusive and <see cref="To"/> exclusive. Page numbers start at 1.
/// </summary>
public sealed record AuditQuery(
    string? CaseId = null,
    DateTime? From = null,
    DateTime? To = null,
    string? RuleId = null,
    string? ActionCode = null,
    string? PackVersion = null,
    string? Caller = null,
    string? Channel = null,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}
