using CtoRules.Audit.Records;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Storage;

/// <summary>
/// The audit records, checkpoints, archives and API keys. One model for both providers; each
/// provider has its own subclass only so that its migrations live apart
/// (<see cref="SqliteAuditDbContext"/>, <see cref="PostgresAuditDbContext"/>). The migrations
/// history table is <c>__AuditMigrationsHistory</c>, so this context shares a database with the
/// authoring context.
/// </summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__AuditMigrationsHistory";

    public DbSet<AuditRecord> Records => Set<AuditRecord>();
    public DbSet<AuditCheckpoint> Checkpoints => Set<AuditCheckpoint>();
    public DbSet<AuditArchive> Archives => Set<AuditArchive>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AuditRecord>(e =>
        {
            e.ToTable("AuditRecords");
            // The id is the place in the chain, chosen by the appender under the chain lock.
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Caller).HasMaxLength(200);
            e.Property(r => r.Channel).HasMaxLength(40);
            e.Property(r => r.CaseId).HasMaxLength(200);
            e.Property(r => r.PackId).HasMaxLength(200);
            e.Property(r => r.PackVersion).HasMaxLength(100);
            e.Property(r => r.PackDigest).HasMaxLength(80);
            e.Property(r => r.PreviousHash).HasMaxLength(80);
            e.Property(r => r.Hash).HasMaxLength(80);
            e.HasIndex(r => r.CaseId);
            e.HasIndex(r => r.RecordedAt);
        });
        b.Entity<AuditCheckpoint>(e =>
        {
            e.ToTable("AuditCheckpoints");
            e.Property(c => c.HeadHash).HasMaxLength(80);
            e.Property(c => c.KeyId).HasMaxLength(80);
        });
        b.Entity<AuditArchive>(e =>
        {
            e.ToTable("AuditArchives");
            e.Property(a => a.LastHash).HasMaxLength(80);
            e.Property(a => a.FileDigest).HasMaxLength(80);
        });
        b.Entity<ApiKey>(e =>
        {
            e.ToTable("ApiKeys");
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Prefix).HasMaxLength(20);
            e.Property(k => k.Hash).HasMaxLength(80);
            e.Property(k => k.Scopes).HasMaxLength(100);
            e.HasIndex(k => k.Name).IsUnique();
            e.HasIndex(k => k.Hash).IsUnique();
            e.Ignore(k => k.IsRevoked);
            e.Ignore(k => k.ScopeList);
        });
    }
}
