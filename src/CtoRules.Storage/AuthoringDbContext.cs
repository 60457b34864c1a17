using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage;

/// <summary>
/// Identity and rule revisions. The model is provider-neutral; each provider has its own migrations
/// through a subclass (<see cref="SqliteAuthoringDbContext"/>, <see cref="PostgresAuthoringDbContext"/>)
/// because EF Core keys a migration set by context type.
/// </summary>
public class AuthoringDbContext(DbContextOptions options) : IdentityDbContext<SiteUser>(options)
{
    public DbSet<RuleRevision> RuleRevisions => Set<RuleRevision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<RuleRevision>(e =>
        {
            e.ToTable("RuleRevisions");
            e.Property(r => r.RuleId).HasMaxLength(200);
            e.Property(r => r.Path).HasMaxLength(400);
            e.Property(r => r.Author).HasMaxLength(256);
            e.Property(r => r.Comment).HasMaxLength(2000);
            // Stored as ticks so ordering works the same on SQLite (no native offset type) and PostgreSQL.
            e.Property(r => r.SavedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.HasIndex(r => r.RuleId);
        });
    }
}
