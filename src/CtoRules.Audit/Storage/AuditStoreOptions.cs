namespace CtoRules.Audit.Storage;

/// <summary>
/// Which database the audit trail uses: <c>Database:Provider</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>) and <c>ConnectionStrings:CtoRules</c> (default: the SQLite file
/// <c>data/ctorules.db</c> under the repository root).
/// </summary>
public sealed record AuditStoreOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public bool IsPostgres => Provider == Postgres;

    /// <summary>From the two configuration values; unknown providers are refused with the accepted ones named.</summary>
    public static AuditStoreOptions From(string? provider, string? connectionString, string? dataFolder = null)
    {
        var p = string.IsNullOrWhiteSpace(provider) ? Sqlite : provider.Trim().ToLowerInvariant();
        if (p is "postgresql" or "npgsql") p = Postgres;
        if (p is not (Sqlite or Postgres))
            throw new ArgumentException($"Database:Provider '{provider}' is not supported; use '{Sqlite}' or '{Postgres}'");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (p == Postgres) throw new ArgumentException("Database:Provider is postgres but ConnectionStrings:CtoRules is empty");
            var folder = dataFolder ?? RepositoryRoot.DataFolder();
            Directory.CreateDirectory(folder);
            connectionString = "Data Source=" + Path.Combine(folder, "ctorules.db");
        }
        return new AuditStoreOptions(p, connectionString);
    }

    /// <summary>Never print a connection string (it may hold a password): this says where, not how.</summary>
    public override string ToString() => IsPostgres ? "PostgreSQL" : "SQLite " + ConnectionString.Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase);
}
