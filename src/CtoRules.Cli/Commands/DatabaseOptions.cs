using System.CommandLine;
using CtoRules.Audit.Storage;
using CtoRules.Storage;
using Microsoft.Extensions.Configuration;

namespace CtoRules.Cli.Commands;

/// <summary>
/// Where the audit and key commands find the database: the host's settings (environment
/// <c>Database__Provider</c>, <c>ConnectionStrings__CtoRules</c>; default the SQLite file
/// <c>data/ctorules.db</c> of the repository), or <c>--data</c> / <c>--provider</c> / <c>--connection</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "The data folder (default: data/ under the repository root)" };
    public Option<string?> Provider { get; } = new("--provider") { Description = "sqlite (default) or postgres; default from Database__Provider" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "The connection string; default from ConnectionStrings__CtoRules" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    public StorageSettings Settings(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Data) is { } d) overrides["data"] = d;
        if (parse.GetValue(Provider) is { } p) overrides["Database:Provider"] = p;
        if (parse.GetValue(Connection) is { } c) overrides["ConnectionStrings:CtoRules"] = c;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        return StorageSettings.From(config);
    }

    /// <summary>The store, with its tables created or upgraded (so a fresh database verifies as empty).</summary>
    public async Task<AuditStore> OpenAsync(ParseResult parse)
    {
        var s = Settings(parse);
        if (s.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(s.DataDirectory);
        var store = new AuditStore(new AuditStoreOptions(s.Provider == DatabaseProvider.Postgres ? AuditStoreOptions.Postgres : AuditStoreOptions.Sqlite, s.ConnectionString));
        await store.MigrateAsync();
        return store;
    }
}
