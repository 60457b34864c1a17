using System.Globalization;
using CtoRules.Audit.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace CtoRules.Web.Apis;

/// <summary>The auditor page's search fields, as an <see cref="AuditQuery"/> and as the export link's query string.</summary>
public sealed class AuditSearchForm
{
    public string? CaseId { get; set; }
    public string? RuleId { get; set; }
    public string? ActionCode { get; set; }
    public string? PackVersion { get; set; }
    public string? Caller { get; set; }
    public string? Channel { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    public AuditQuery ToQuery(int page = 1, int pageSize = 50) =>
        new(CaseId, From, To, RuleId, ActionCode, PackVersion, Caller, Channel, page, pageSize);

    public string ToQueryString(string format)
    {
        var values = new Dictionary<string, string?>
        {
            ["format"] = format, ["caseId"] = CaseId, ["ruleId"] = RuleId, ["actionCode"] = ActionCode, ["packVersion"] = PackVersion,
            ["caller"] = Caller, ["channel"] = Channel,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrWhiteSpace(v.Value))!).TrimStart('?');
    }
}
