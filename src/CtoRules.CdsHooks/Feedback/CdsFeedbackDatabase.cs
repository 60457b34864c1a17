using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>
/// Opens the feedback store the way the other contexts open theirs: <c>Database:Provider</c>
/// (<c>sqlite</c> default, or <c>postgres</c>) and <c>ConnectionStrings:CtoRules</c>, resolved by the
/// host with the site's storage settings (SQLite <c>data/ctorules.db</c> under the repository root by default).
/// </summary>
public static class CdsFeedbackDatabase
{
    public static CdsFeedbackDbContext Open(string? provider, string? connectionString)
    {
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(connectionString)) throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:CtoRules is empty");
            return new PostgresCdsFeedbackDbContext(new DbContextOptionsBuilder<PostgresCdsFeedbackDbContext>()
                .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(CdsFeedbackDbContext.MigrationsHistoryTable)).Options);
        }
        if (!string.IsNullOrEmpty(provider) && !string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not sqlite or postgres");
        if (string.IsNullOrEmpty(connectionString)) throw new InvalidOperationException("no SQLite connection string for the CDS feedback store");
        return new SqliteCdsFeedbackDbContext(new DbContextOptionsBuilder<SqliteCdsFeedbackDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(CdsFeedbackDbContext.MigrationsHistoryTable)).Options);
    }
}
