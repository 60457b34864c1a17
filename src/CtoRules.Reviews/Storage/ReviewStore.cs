using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Storage;

/// <summary>
/// Opens the review store for <c>Database:Provider</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>) and <c>ConnectionStrings:CtoRules</c>, with the review history table.
/// </summary>
public static class ReviewStore
{
    public static ReviewDbContext Open(string provider, string connectionString) => provider.ToLowerInvariant() switch
    {
        "sqlite" or "" => new SqliteReviewDbContext(new DbContextOptionsBuilder<SqliteReviewDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(ReviewDbContext.HistoryTable)).Options),
        "postgres" or "postgresql" => new PostgresReviewDbContext(new DbContextOptionsBuilder<PostgresReviewDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(ReviewDbContext.HistoryTable)).Options),
        _ => throw new ArgumentException($"Database:Provider '{provider}' is not supported; use sqlite or postgres", nameof(provider)),
    };
}
