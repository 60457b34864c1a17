using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>
/// Cards shown and the feedback on them. Shares the database of the other contexts
/// (<c>ConnectionStrings:CtoRules</c>, <c>Database:Provider</c>) with its own migrations history
/// table, <see cref="MigrationsHistoryTable"/>. One subclass per provider holds its migrations.
/// </summary>
public abstract class CdsFeedbackDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__CdsMigrationsHistory";

    public DbSet<CardRecord> Cards => Set<CardRecord>();
    public DbSet<FeedbackRecord> Feedback => Set<FeedbackRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<CardRecord>(e =>
        {
            e.ToTable("cds_cards");
            e.HasKey(c => c.Uuid);
            e.Property(c => c.Uuid).HasMaxLength(64);
            e.Property(c => c.ServiceId).HasMaxLength(100);
            e.Property(c => c.HookInstance).HasMaxLength(200);
            e.Property(c => c.RuleId).HasMaxLength(200);
            e.Property(c => c.RuleSetId).HasMaxLength(100);
            e.Property(c => c.RuleSetVersion).HasMaxLength(50);
            e.Property(c => c.Kind).HasMaxLength(20);
            e.Property(c => c.Summary).HasMaxLength(200);
            e.Property(c => c.AuditRecordId).HasMaxLength(100);
            e.HasIndex(c => new { c.RuleId, c.RuleSetVersion });
        });
        b.Entity<FeedbackRecord>(e =>
        {
            e.ToTable("cds_feedback");
            e.HasKey(f => f.Id);
            e.Property(f => f.CardUuid).HasMaxLength(64);
            e.Property(f => f.ServiceId).HasMaxLength(100);
            e.Property(f => f.Outcome).HasMaxLength(20);
            e.Property(f => f.ReasonCode).HasMaxLength(100);
            e.Property(f => f.ReasonSystem).HasMaxLength(300);
            e.Property(f => f.ReasonDisplay).HasMaxLength(300);
            e.Property(f => f.UserComment).HasMaxLength(2000);
            // A client may send the same outcome twice (retries): the second is a no-op.
            e.HasIndex(f => new { f.CardUuid, f.Outcome, f.OutcomeTimestamp }).IsUnique();
        });
    }
}
