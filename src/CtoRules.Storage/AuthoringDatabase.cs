using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage;

/// <summary>Creates the provider's context and brings its schema up to date.</summary>
public static class AuthoringDatabase
{
    public static AuthoringDbContext Create(StorageSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresAuthoringDbContext(
            new DbContextOptionsBuilder<PostgresAuthoringDbContext>().UseNpgsql(settings.ConnectionString).Options),
        _ => new SqliteAuthoringDbContext(
            new DbContextOptionsBuilder<SqliteAuthoringDbContext>().UseSqlite(settings.ConnectionString).Options),
    };

    /// <summary>Creates the data folder for SQLite and applies pending migrations.</summary>
    public static async Task MigrateAsync(AuthoringDbContext db, StorageSettings settings, CancellationToken cancel = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(settings.DataDirectory);
        await db.Database.MigrateAsync(cancel);
    }
}
