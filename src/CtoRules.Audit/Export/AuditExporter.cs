using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;

namespace CtoRules.Audit.Export;

/// <summary>
/// Writes records as CSV (RFC 4180) or NDJSON. The NDJSON line is the record's full stored
/// content, hashes included, so an exported selection can be re-verified record by record and an
/// archive file is an NDJSON export (<see cref="ToJson"/> / <see cref="FromJson"/>).
/// </summary>
public static class AuditExporter
{
    public static readonly string[] CsvColumns =
        ["id", "recordedAt", "caller", "channel", "caseId", "packId", "packVersion", "packDigest", "ruleIds", "actionCodes", "case", "advice", "previousHash", "hash"];

    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditRecord> records, TextWriter output, AuditExportFormat format, CancellationToken cancel = default)
    {
        var count = 0;
        if (format == AuditExportFormat.Csv) await output.WriteAsync(string.Join(',', CsvColumns) + "\r\n");
        await foreach (var r in records.WithCancellation(cancel))
        {
            await output.WriteAsync(format == AuditExportFormat.Csv ? CsvRow(r) + "\r\n" : ToJson(r).ToJsonString() + "\n");
            count++;
        }
        await output.FlushAsync(cancel);
        return count;
    }

    public static JsonObject ToJson(AuditRecord r) => new()
    {
        ["id"] = r.Id,
        ["recordedAt"] = AuditHash.FormatTime(r.RecordedAt),
        ["caller"] = r.Caller,
        ["channel"] = r.Channel,
        ["caseId"] = r.CaseId,
        ["packId"] = r.PackId,
        ["packVersion"] = r.PackVersion,
        ["packDigest"] = r.PackDigest,
        ["ruleIds"] = r.RuleIds,
        ["actionCodes"] = r.ActionCodes,
        ["case"] = r.CaseJson,
        ["advice"] = r.AdviceJson,
        ["previousHash"] = r.PreviousHash,
        ["hash"] = r.Hash,
    };

    public static AuditRecord FromJson(string line)
    {
        var o = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("an audit record line is a JSON object");
        try
        {
            return new AuditRecord
            {
                Id = (long)o["id"]!,
                RecordedAt = DateTime.Parse((string)o["recordedAt"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
                Caller = (string)o["caller"]!,
                Channel = (string)o["channel"]!,
                CaseId = (string)o["caseId"]!,
                PackId = (string)o["packId"]!,
                PackVersion = (string)o["packVersion"]!,
                PackDigest = (string?)o["packDigest"],
                RuleIds = (string)o["ruleIds"]!,
                ActionCodes = (string)o["actionCodes"]!,
                CaseJson = (string)o["case"]!,
                AdviceJson = (string)o["advice"]!,
                PreviousHash = (string)o["previousHash"]!,
                Hash = (string)o["hash"]!,
            };
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or JsonException)
        {
            throw new FormatException("an audit record line lacks a field or has one of the wrong type: " + e.Message, e);
        }
    }

    private static string CsvRow(AuditRecord r) => string.Join(',', new[]
    {
        r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditHash.FormatTime(r.RecordedAt), r.Caller, r.Channel, r.CaseId,
        r.PackId, r.PackVersion, r.PackDigest ?? "", r.RuleIds.Trim(), r.ActionCodes.Trim(), r.CaseJson, r.AdviceJson, r.PreviousHash, r.Hash,
    }.Select(Csv));

    /// <summary>Quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        if (value.IndexOfAny([',', '"', '\r', '\n']) < 0) return value;
        var sb = new StringBuilder("\"");
        sb.Append(value.Replace("\"", "\"\"")).Append('"');
        return sb.ToString();
    }
}
