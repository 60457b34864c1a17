namespace CtoRules.Audit.Storage;

/// <summary>
/// Which database the audit trail uses: <c>Database:Provider</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>) and <c>ConnectionStrings:CtoRules</c>. The host and the CLI take both from the
/// site's storage settings (default: the SQLite file <c>data/ctorules.db</c> under the repository
/// root), so the audit tables sit in the same database as the authoring tables.
/// </summary>
public sealed record AuditStoreOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public bool IsPostgres => Provider == Postgres;

    /// <summary>Never print a connection string (it may hold a password): this says where, not how.</summary>
    public override string ToString() => IsPostgres ? "PostgreSQL" : "SQLite " + ConnectionString.Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase);
}
