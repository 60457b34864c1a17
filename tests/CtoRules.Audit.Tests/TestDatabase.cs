using CtoRules.Audit.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CtoRules.Audit.Tests;

/// <summary>
/// A fresh, empty, migrated audit database on a real provider: a SQLite file in a temporary
/// folder, or a new database on the PostgreSQL server named by <c>CTORULES_TEST_POSTGRES</c>
/// (tools/test.sh and .ci/run start one). Without that variable the PostgreSQL tests fail: they
/// are never skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CTORULES_TEST_POSTGRES";

    private readonly string? _pgDatabase;

    private TestDatabase(AuditStoreOptions options, string folder, string? pgDatabase)
    {
        Options = options;
        Folder = folder;
        _pgDatabase = pgDatabase;
    }

    public AuditStoreOptions Options { get; }

    /// <summary>A temporary folder for files (archives, checkpoints, keys).</summary>
    public string Folder { get; }

    /// <summary>A new store on this database, as a second host would have (its own connections and gate).</summary>
    public AuditStore NewStore() => new(Options);

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("ctorules-audit-").FullName;
        TestDatabase db;
        if (provider == AuditStoreOptions.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./tools/test.sh, or start a server with tools/postgres.sh start and export the variable it prints");
            var name = "ctorules_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            db = new TestDatabase(new AuditStoreOptions(AuditStoreOptions.Postgres, cs), folder, name);
        }
        else
        {
            db = new TestDatabase(new AuditStoreOptions(AuditStoreOptions.Sqlite, "Data Source=" + Path.Combine(folder, "ctorules.db")), folder, null);
        }
        await db.NewStore().MigrateAsync();
        return db;
    }

    /// <summary>Runs SQL straight on the database, as someone tampering with it would.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        if (_pgDatabase is null)
        {
            await using var conn = new SqliteConnection(Options.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return await cmd.ExecuteNonQueryAsync();
        }
        await using var pg = new NpgsqlConnection(Options.ConnectionString);
        await pg.OpenAsync();
        await using var pgCmd = new NpgsqlCommand(sql, pg);
        return await pgCmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
