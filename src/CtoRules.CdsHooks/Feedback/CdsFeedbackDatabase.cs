using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>
/// Opens the feedback store the way the other contexts open theirs: <c>Database:Provider</c>
/// (<c>sqlite</c> default, or <c>postgres</c>) and <c>ConnectionStrings:CtoRules</c>; without a
/// connection string, the SQLite file <c>data/ctorules.db</c> under the repository root.
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
        return new SqliteCdsFeedbackDbContext(new DbContextOptionsBuilder<SqliteCdsFeedbackDbContext>()
            .UseSqlite(connectionString is { Length: > 0 } cs ? cs : DefaultSqlite(), o => o.MigrationsHistoryTable(CdsFeedbackDbContext.MigrationsHistoryTable)).Options);
    }

    /// <summary><c>Data Source=&lt;root&gt;/data/ctorules.db</c>, the root being the folder holding rules/ruleset.yaml.</summary>
    public static string DefaultSqlite()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "rules", "ruleset.yaml")))
                {
                    var data = Path.Combine(dir.FullName, "data");
                    Directory.CreateDirectory(data);
                    return $"Data Source={Path.Combine(data, "ctorules.db")}";
                }
        Directory.CreateDirectory("data");
        return $"Data Source={Path.GetFullPath(Path.Combine("data", "ctorules.db"))}";
    }
}
