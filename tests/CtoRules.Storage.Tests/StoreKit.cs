using System.Security.Claims;
using CtoRules.Authoring.Workspace;
using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using CtoRules.Storage.Rules;
using Microsoft.Extensions.Configuration;

namespace CtoRules.Storage.Tests;

/// <summary>A temporary working copy (the repository's rules, references and packs) and a real SQLite database in a temporary data folder.</summary>
public sealed class StoreKit : IAsyncDisposable
{
    private StoreKit(string root, StorageSettings settings, AuthoringDbContext db)
    {
        Root = root;
        Settings = settings;
        Db = db;
        WorkingCopy = new WorkingCopy(settings.RulesDirectory, settings.PacksDirectory);
        Store = new RuleStore(WorkingCopy, new RevisionLog(db));
    }

    public string Root { get; }
    public StorageSettings Settings { get; }
    public AuthoringDbContext Db { get; }
    public WorkingCopy WorkingCopy { get; }
    public RuleStore Store { get; }

    public static async Task<StoreKit> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("ctorules-store-").FullName;
        foreach (var folder in new[] { "rules", "references", "packs" })
        {
            var from = Path.Combine(RepoRoot, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["rules"] = Path.Combine(root, "rules"),
            ["packs"] = Path.Combine(root, "packs"),
            ["data"] = Path.Combine(root, "data"),
        }).Build();
        var settings = StorageSettings.From(config);
        var db = AuthoringDatabase.Create(settings);
        await AuthoringDatabase.MigrateAsync(db, settings);
        return new StoreKit(root, settings, db);
    }

    public static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Author => User("ann", Roles.Author);

    public string FileOf(string ruleId) => WorkingCopy.FullPath(WorkingCopy.Current.RuleSet.Find(ruleId)!.Source.Path);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static string RepoRoot { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("no repository root above " + AppContext.BaseDirectory);
}
