namespace CtoRules.Audit.Records;

/// <summary>A signed statement "the chain's head was record <see cref="RecordId"/> with hash <see cref="HeadHash"/>".</summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    public string HeadHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string KeyId { get; set; } = "";
    public string Signature { get; set; } = "";
}
