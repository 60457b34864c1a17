using CtoRules.Audit.Chain;
using CtoRules.Audit.Storage;
using CtoRules.Audit.Tests;

namespace CtoRules.Cli.Tests;

/// <summary>The real binary's audit and apikey commands on a real database; on SQLite and on PostgreSQL.</summary>
public abstract class AuditCliTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        var trail = new AuditTrail(_db.NewStore());
        for (var i = 1; i <= 3; i++) await trail.AppendAsync(Samples.Entry("cli-" + i));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Cli.Result Run(params string[] args) =>
        Cli.Run([.. args, "--data", Path.Combine(_db.Folder, "data"), "--provider", _db.Options.Provider, "--connection", _db.Options.ConnectionString]);

    [Fact]
    public async Task Verify_passes_then_names_the_row_edited_by_sql()
    {
        var ok = Run("audit", "verify");
        (ok.ExitCode, ok.Out.Trim()).Should().Be((0, ok.Out.Trim()));
        ok.Out.Should().StartWith("audit trail OK: 3 record(s), 1..3, chain intact");

        await _db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "CaseJson" = replace("CaseJson", 'eccentric', 'concentric') WHERE "Id" = 2""");
        var broken = Run("audit", "verify");
        broken.ExitCode.Should().Be(1);
        broken.Out.Should().Contain("audit trail BROKEN at record 2 (edited)");
    }

    [Fact]
    public void Replay_is_identical_and_export_writes_csv()
    {
        var replay = Run("audit", "replay", "2");
        replay.ExitCode.Should().Be(0, replay.Err);
        replay.Out.Should().Contain("record 2: case cli-2").And.EndWith("identical\n");
        Run("audit", "replay", "99").Err.Should().Contain("no audit record 99");

        var csv = Run("audit", "export", "--format", "csv", "--case-id", "cli-3");
        csv.ExitCode.Should().Be(0, csv.Err);
        csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.Contain(l => l.StartsWith("3,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkpoint_detects_truncation_and_an_archive_keeps_the_chain()
    {
        var file = Path.Combine(_db.Folder, "checkpoint.json");
        Run("audit", "checkpoint", "--out", file).ExitCode.Should().Be(0);
        Run("audit", "verify", "--checkpoint", file).ExitCode.Should().Be(0);
        await _db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Id" = 3""");
        await _db.ExecuteSqlAsync("""DELETE FROM "AuditCheckpoints" """);
        Run("audit", "verify").ExitCode.Should().Be(0, "the rest of the chain is intact");
        var truncated = Run("audit", "verify", "--checkpoint", file);
        truncated.ExitCode.Should().Be(1);
        truncated.Out.Should().Contain("BROKEN at record 3 (truncated)");

        var archive = Run("audit", "archive", "--older-than-days", "0", "--out", Path.Combine(_db.Folder, "archive"));
        archive.Out.Should().Contain("archived 2 record(s), 1..2");
        Run("audit", "verify").ExitCode.Should().Be(0);
        Run("audit", "verify", "--archive", Directory.GetFiles(Path.Combine(_db.Folder, "archive")).Single()).Out.Should().Contain("joins the database chain");
    }

    [Fact]
    public void Apikey_create_list_revoke()
    {
        var created = Run("apikey", "create", "--name", "lab-app", "--scope", "evaluate,read");
        created.ExitCode.Should().Be(0, created.Err);
        var secret = created.Out.Trim().Split('\n')[^1];
        secret.Should().StartWith("ctok_");
        var list = Run("apikey", "list");
        list.Out.Should().Contain("lab-app").And.Contain("evaluate,read").And.NotContain(secret);
        Run("apikey", "create", "--name", "lab-app", "--scope", "read").ExitCode.Should().Be(2);
        Run("apikey", "create", "--name", "x", "--scope", "write").Err.Should().Contain("unknown scope 'write'");
        Run("apikey", "revoke", "lab-app").Out.Should().Contain("Revoked API key 'lab-app'");
        Run("apikey", "revoke", "nobody").ExitCode.Should().Be(2);
    }
}

public sealed class SqliteAuditCliTests() : AuditCliTests(AuditStoreOptions.Sqlite);

public sealed class PostgresAuditCliTests() : AuditCliTests(AuditStoreOptions.Postgres);
