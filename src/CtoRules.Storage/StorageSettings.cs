using Microsoft.Extensions.Configuration;

namespace CtoRules.Storage;

/// <summary>
/// Where the site's files and database live. Read from configuration: <c>rules</c> (the working
/// copy), <c>packs</c>, <c>data</c>, <c>ConnectionStrings:CtoRules</c> and <c>Database:Provider</c>
/// (<c>sqlite</c>, the default, or <c>postgres</c>). Relative paths resolve against the repository root.
/// </summary>
public sealed record StorageSettings(string RulesDirectory, string PacksDirectory, string DataDirectory, DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionName = "CtoRules";
    public const string DatabaseFile = "ctorules.db";

    public static StorageSettings From(IConfiguration configuration)
    {
        var root = RepositoryRoot.Find() ?? Environment.CurrentDirectory;
        string Resolve(string? configured, string fallback) =>
            Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(root, fallback) : configured);

        var rules = Resolve(configuration["rules"], "rules");
        var packs = Resolve(configuration["packs"], "packs");
        var data = Resolve(configuration["data"], "data");
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connection = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrEmpty(connection))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:CtoRules is not set");
            connection = $"Data Source={Path.Combine(data, DatabaseFile)}";
        }
        return new StorageSettings(rules, packs, data, provider, connection);
    }

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not known; use sqlite or postgres"),
    };
}
