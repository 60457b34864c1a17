using CtoRules.Audit.Chain;
using CtoRules.Audit.Checkpoints;
using CtoRules.Audit.Storage;
using CtoRules.Packs.Signing;

namespace CtoRules.Audit.Tests;

/// <summary>Append, verify and tamper by SQL; the same tests on SQLite and on PostgreSQL.</summary>
public abstract class ChainTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<AuditStore> WithRecordsAsync(int count)
    {
        var store = _db.NewStore();
        var trail = new AuditTrail(store);
        for (var i = 1; i <= count; i++) await trail.AppendAsync(Samples.Entry("case-" + i));
        return store;
    }

    [Fact]
    public async Task Appended_records_form_a_chain_that_verifies()
    {
        var store = await WithRecordsAsync(3);
        var result = await new ChainVerifier(store).VerifyAsync();
        result.IsValid.Should().BeTrue(result.Message);
        (result.RecordsChecked, result.FirstId, result.LastId).Should().Be((3L, 1L, 3L));
        var first = await new Replay.AuditReplayer(store, Samples.Packs).FindAsync(1);
        first!.PreviousHash.Should().Be(AuditHash.Genesis);
        first.CaseId.Should().Be("case-1");
        first.PackDigest.Should().Be(Samples.Pack.Digest);
        first.RuleIds.Should().Contain(" prep.extraplaque.avoid-atherectomy ");
        first.ActionCodes.Should().Contain(" RA-SMALL-BURR ");
        first.Hash.Should().Be(AuditHash.Compute(first));
    }

    [Fact]
    public async Task Parallel_appends_from_two_hosts_keep_one_valid_chain()
    {
        // Two stores are two hosts: their own connections and their own in-process gate, so only
        // the database lock orders them.
        var hostA = new AuditTrail(_db.NewStore());
        var hostB = new AuditTrail(_db.NewStore());
        var entry = Samples.Entry("parallel");
        var appends = Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? hostA : hostB).AppendAsync(entry)));
        var records = await Task.WhenAll(appends);
        records.Select(r => r.Id).Should().BeEquivalentTo(Enumerable.Range(1, 40).Select(i => (long)i));
        var result = await new ChainVerifier(_db.NewStore()).VerifyAsync();
        result.IsValid.Should().BeTrue(result.Message);
        result.RecordsChecked.Should().Be(40);
    }

    [Fact]
    public async Task An_edited_row_is_named()
    {
        var store = await WithRecordsAsync(5);
        (await _db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "CaseId" = 'someone-else' WHERE "Id" = 3""")).Should().Be(1);
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Edited, 3L));
        result.Message.Should().Contain("record 3 was edited");
    }

    [Fact]
    public async Task An_edited_advice_with_a_recomputed_hash_is_named()
    {
        var store = await WithRecordsAsync(5);
        var replayer = new Replay.AuditReplayer(store, Samples.Packs);
        var r3 = (await replayer.FindAsync(3))!;
        r3.AdviceJson = r3.AdviceJson.Replace("\"kind\":\"avoid\"", "\"kind\":\"recommend\"");
        var forged = AuditHash.Compute(r3);
        await _db.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "AdviceJson" = '{r3.AdviceJson.Replace("'", "''")}', "Hash" = '{forged}' WHERE "Id" = 3""");
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Edited, 3L));
        result.Message.Should().Contain("record 3 was rewritten");
    }

    [Fact]
    public async Task A_deleted_row_is_named_by_the_record_after_it()
    {
        var store = await WithRecordsAsync(5);
        (await _db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Id" = 3""")).Should().Be(1);
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Deleted, 4L));
        result.Message.Should().Contain("record(s) 3..3 before record 4 were deleted");
    }

    [Fact]
    public async Task Reordered_rows_are_named()
    {
        var store = await WithRecordsAsync(5);
        await _db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Id" = -1 WHERE "Id" = 3""");
        await _db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Id" = 3 WHERE "Id" = 4""");
        await _db.ExecuteSqlAsync("""UPDATE "AuditRecords" SET "Id" = 4 WHERE "Id" = -1""");
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Reordered, 3L));
        result.Message.Should().Contain("record 3 was reordered: it links to record 4, not to record 2");
    }

    [Fact]
    public async Task Truncating_the_newest_rows_is_detected_against_an_exported_checkpoint()
    {
        var store = await WithRecordsAsync(5);
        using var key = HostKey.LoadOrCreate(Path.Combine(_db.Folder, "audit-key.pem"));
        var checkpoints = new CheckpointService(store, key);
        var exported = SignedCheckpoint.FromJson((await checkpoints.CreateAsync()).ToJson());
        exported.RecordId.Should().Be(5);
        (await checkpoints.VerifyAgainstAsync(exported, PackKeys.KeyId(key))).IsValid.Should().BeTrue();

        // The newest records and the stored checkpoint are removed: the rest of the chain is intact.
        await _db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Id" >= 4""");
        await _db.ExecuteSqlAsync("""DELETE FROM "AuditCheckpoints" """);
        (await new ChainVerifier(store).VerifyAsync()).IsValid.Should().BeTrue("a truncated chain is still a chain");

        var result = await checkpoints.VerifyAgainstAsync(exported);
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Truncated, 5L));
        result.Message.Should().Contain("truncated").And.Contain("newest record is 3");
    }

    [Fact]
    public async Task A_scheduled_checkpoint_is_made_only_when_records_were_appended_since_the_last()
    {
        var store = _db.NewStore();
        using var key = HostKey.LoadOrCreate(Path.Combine(_db.Folder, "audit-key.pem"));
        var checkpoints = new CheckpointService(store, key);
        (await checkpoints.CreateIfHeadMovedAsync()).Should().BeNull("an empty trail has no head to sign");

        var trail = new AuditTrail(store);
        await trail.AppendAsync(Samples.Entry("scheduled-1"));
        (await checkpoints.CreateIfHeadMovedAsync())!.RecordId.Should().Be(1);
        (await checkpoints.CreateIfHeadMovedAsync()).Should().BeNull("nothing was appended since");

        await trail.AppendAsync(Samples.Entry("scheduled-2"));
        var second = await checkpoints.CreateIfHeadMovedAsync();
        second!.RecordId.Should().Be(2);
        (await checkpoints.VerifyAgainstAsync(second, PackKeys.KeyId(key))).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task Truncation_is_detected_against_the_stored_checkpoint_too()
    {
        var store = await WithRecordsAsync(4);
        using var key = HostKey.LoadOrCreate(Path.Combine(_db.Folder, "audit-key.pem"));
        await new CheckpointService(store, key).CreateAsync();
        await _db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "Id" = 4""");
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.Problem, result.RecordId).Should().Be((false, ChainProblem.Truncated, 4L));
    }

    [Fact]
    public async Task An_altered_checkpoint_file_or_another_key_is_refused()
    {
        var store = await WithRecordsAsync(2);
        using var key = HostKey.LoadOrCreate(Path.Combine(_db.Folder, "audit-key.pem"));
        var checkpoint = await new CheckpointService(store, key).CreateAsync();
        var checkpoints = new CheckpointService(store, key);
        var altered = checkpoint with { RecordId = 1 };
        (await checkpoints.VerifyAgainstAsync(altered)).Problem.Should().Be(ChainProblem.BadCheckpoint);
        using var other = PackKeys.Create();
        (await checkpoints.VerifyAgainstAsync(checkpoint, PackKeys.KeyId(other))).Message.Should().Contain("not by the expected key");
    }

    [Fact]
    public void The_host_key_is_created_once_and_read_back()
    {
        var path = Path.Combine(_db.Folder, "keys", "audit-key.pem");
        using var a = HostKey.LoadOrCreate(path);
        using var b = HostKey.LoadOrCreate(path);
        PackKeys.KeyId(a).Should().Be(PackKeys.KeyId(b));
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}

public sealed class SqliteChainTests() : ChainTests(AuditStoreOptions.Sqlite);

public sealed class PostgresChainTests() : ChainTests(AuditStoreOptions.Postgres);
