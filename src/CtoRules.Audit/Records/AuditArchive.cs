namespace CtoRules.Audit.Records;

/// <summary>
/// Records 1..<see cref="ToId"/> (or from the previous archive on) were moved to
/// <see cref="FileName"/>; the chain in the database goes on from <see cref="LastHash"/>.
/// </summary>
public sealed class AuditArchive
{
    public long Id { get; set; }
    public long FromId { get; set; }
    public long ToId { get; set; }
    public string LastHash { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileDigest { get; set; } = "";
    public DateTime ArchivedAt { get; set; }
}
