using CtoRules.Packs.Signing;
using CtoRules.Reviews.Storage;
using CtoRules.Reviews.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Reviews.Tests;

/// <summary>A temporary copy of the small test knowledge base, a real SQLite file with the review migrations applied, and a key.</summary>
public sealed class ReviewFixture : IDisposable
{
    public ReviewFixture(bool withKey = true)
    {
        Root = Directory.CreateTempSubdirectory("ctorules-review-").FullName;
        var from = Path.Combine(AppContext.BaseDirectory, "Assets", "kb");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string? keyPath = null;
        if (withKey)
        {
            // The key lives outside the working copy, as the host's configuration would have it.
            keyPath = Path.Combine(Directory.CreateTempSubdirectory("ctorules-key-").FullName, "signing.pem");
            using var key = PackKeys.Create();
            File.WriteAllText(keyPath, PackKeys.ExportPrivatePem(key));
            PublicKeyPem = PackKeys.ExportPublicPem(key);
        }
        Workspace = new ReviewWorkspace(Path.Combine(Root, "rules"), Path.Combine(Root, "tests", "corpus"), Path.Combine(Root, "packs"), keyPath);
        DatabasePath = Path.Combine(Root, "data", "ctorules.db");
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        Db = ReviewStore.Open("sqlite", $"Data Source={DatabasePath}");
        Db.Database.Migrate();
        Workflow = new ReviewWorkflow(Db, Workspace);
    }

    public string Root { get; }
    public string DatabasePath { get; }
    public string? PublicKeyPem { get; }
    public ReviewWorkspace Workspace { get; }
    public ReviewDbContext Db { get; }
    public ReviewWorkflow Workflow { get; }

    public static ReviewActor Alice { get; } = new("alice", new HashSet<string> { ReviewRoles.Author, ReviewRoles.Reviewer });
    public static ReviewActor Bob { get; } = new("bob", new HashSet<string> { ReviewRoles.Reviewer });
    public static ReviewActor Carol { get; } = new("carol", new HashSet<string> { ReviewRoles.Author });

    public void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(Root, relative);
        var text = File.ReadAllText(path);
        text.Should().Contain(from);
        File.WriteAllText(path, text.Replace(from, to));
    }

    public void Dispose()
    {
        Db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
