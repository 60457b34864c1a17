using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Storage;

/// <summary>
/// Opens contexts on the configured database and applies the audit migrations. Thread-safe; one
/// per process (the SQLite append lock is per instance, see <see cref="AppendGate"/>).
/// </summary>
public sealed class AuditStore
{
    public AuditStore(AuditStoreOptions options)
    {
        Options = options;
    }

    public AuditStoreOptions Options { get; }

    /// <summary>
    /// Serialises this process's chain writers (each trail's batch writer, the archiver) before
    /// they reach the database, so they queue here instead of spinning on SQLite's busy lock; the
    /// database lock (BEGIN IMMEDIATE on SQLite, an advisory transaction lock on PostgreSQL) is what
    /// orders several processes.
    /// </summary>
    internal SemaphoreSlim AppendGate { get; } = new(1, 1);

    public AuditDbContext CreateContext()
    {
        if (Options.IsPostgres)
        {
            var b = new DbContextOptionsBuilder<PostgresAuditDbContext>()
                .UseNpgsql(Options.ConnectionString, o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable));
            return new PostgresAuditDbContext(b.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteAuditDbContext>()
            .UseSqlite(Options.ConnectionString, o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable));
        return new SqliteAuditDbContext(s.Options);
    }

    /// <summary>Creates or upgrades the audit tables; on SQLite also turns on WAL so readers do not block the appender.</summary>
    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancel);
        if (!Options.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancel);
    }

    public void Migrate() => MigrateAsync().GetAwaiter().GetResult();

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile => Options.IsPostgres ? null : new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
}
