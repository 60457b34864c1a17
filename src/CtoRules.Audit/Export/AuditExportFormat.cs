namespace CtoRules.Audit.Export;

/// <summary>CSV (one row per record, the case and advice as JSON text in their columns) or NDJSON (one record object per line).</summary>
public enum AuditExportFormat
{
    Csv,
    Ndjson,
}
