using System.Globalization;
using System.Text.Json.Nodes;
using CtoRules.Audit.Records;
using CtoRules.Packs.Canonical;

namespace CtoRules.Audit.Chain;

/// <summary>
/// The record hash: <c>sha256:</c> over the canonical JSON (the packs' canonical form) of every
/// stored column except the id and the hash itself, the previous record's hash included. The id
/// is left out on purpose: order is carried by <see cref="AuditRecord.PreviousHash"/>, so a moved
/// row is recognised as moved (its own hash still holds) rather than as edited.
/// </summary>
public static class AuditHash
{
    /// <summary>The hash the first record links to.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditRecord r) => CanonicalJson.Digest(new JsonObject
    {
        ["schema"] = "ctorules/audit-record@1",
        ["recordedAt"] = FormatTime(r.RecordedAt),
        ["caller"] = r.Caller,
        ["channel"] = r.Channel,
        ["caseId"] = r.CaseId,
        ["packId"] = r.PackId,
        ["packVersion"] = r.PackVersion,
        ["packDigest"] = r.PackDigest,
        ["case"] = r.CaseJson,
        ["advice"] = r.AdviceJson,
        ["ruleIds"] = r.RuleIds,
        ["actionCodes"] = r.ActionCodes,
        ["previousHash"] = r.PreviousHash,
    });

    /// <summary>UTC to the millisecond, the precision every provider stores exactly.</summary>
    public static DateTime Truncate(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    public static string FormatTime(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
