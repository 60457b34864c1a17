using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Tests;

/// <summary>
/// Group commit (docs/audit.md, "Appends under concurrency"): many parallel appends give one valid
/// chain and each caller the record that was stored under its id; a failed transaction fails every
/// append in it and the writer goes on. Holding the store's append gate queues appends into one
/// known batch. On SQLite and on PostgreSQL.
/// </summary>
public abstract class GroupCommitTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Many_parallel_appends_give_one_chain_and_every_caller_the_record_stored_under_its_id()
    {
        var store = _db.NewStore();
        await using var trail = new AuditTrail(store);
        var appends = Enumerable.Range(1, 300).Select(i => Task.Run(() => trail.AppendAsync(Samples.Entry("parallel-" + i))));
        var records = await Task.WhenAll(appends);

        records.Select(r => r.Id).Should().BeEquivalentTo(Enumerable.Range(1, 300).Select(i => (long)i));
        records.Select(r => r.CaseId).Should().OnlyHaveUniqueItems();
        await using var db = store.CreateContext();
        var stored = await db.Records.AsNoTracking().ToDictionaryAsync(r => r.Id);
        stored.Should().HaveCount(300);
        foreach (var r in records)
            (stored[r.Id].CaseId, stored[r.Id].Hash, stored[r.Id].PreviousHash).Should().Be((r.CaseId, r.Hash, r.PreviousHash));
        var result = await new ChainVerifier(store).VerifyAsync();
        result.IsValid.Should().BeTrue(result.Message);
        result.RecordsChecked.Should().Be(300);
    }

    [Fact]
    public async Task Appends_queued_behind_the_lock_are_chained_in_queue_order_in_one_transaction()
    {
        var store = _db.NewStore();
        await using var trail = new AuditTrail(store);
        var first = await trail.AppendAsync(Samples.Entry("before"));

        await store.AppendGate.WaitAsync();
        var queued = Enumerable.Range(1, 20).Select(i => trail.AppendAsync(Samples.Entry("queued-" + i))).ToList();
        queued.Should().OnlyContain(t => !t.IsCompleted, "nothing is written while the chain is locked");
        store.AppendGate.Release();
        var records = await Task.WhenAll(queued);

        records.Select(r => r.Id).Should().Equal(Enumerable.Range(2, 20).Select(i => (long)i));
        records.Select(r => r.CaseId).Should().Equal(Enumerable.Range(1, 20).Select(i => "queued-" + i));
        records[0].PreviousHash.Should().Be(first.Hash);
        records.Select(r => r.RecordedAt).Distinct().Should().ContainSingle("one transaction takes one time");
        (await new ChainVerifier(store).VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task A_failed_transaction_fails_every_append_in_it_and_the_writer_goes_on()
    {
        await PoisonAsync();
        var store = _db.NewStore();
        await using var trail = new AuditTrail(store);

        await store.AppendGate.WaitAsync();
        var batch = new[] { "good-1", "poison", "good-2" }.Select(id => trail.AppendAsync(Samples.Entry(id))).ToList();
        store.AppendGate.Release();
        foreach (var append in batch)
            (await FluentActions.Awaiting(() => append).Should().ThrowAsync<DbUpdateException>())
                .WithInnerException<Exception>().WithMessage("*poisoned record*");

        var after = await trail.AppendAsync(Samples.Entry("after"));
        after.Id.Should().Be(1, "no record of the failed transaction was written");
        after.PreviousHash.Should().Be(AuditHash.Genesis);
        var result = await new ChainVerifier(store).VerifyAsync();
        (result.IsValid, result.RecordsChecked).Should().Be((true, 1L));
    }

    [Fact]
    public async Task A_batch_holds_at_most_MaxBatch_records()
    {
        // The poisoned record is first in the queue: the transaction it is in fails whole, the
        // records beyond the bound are the next transaction and are written.
        await PoisonAsync();
        var store = _db.NewStore();
        await using var trail = new AuditTrail(store);
        await store.AppendGate.WaitAsync();
        var appends = Enumerable.Range(0, AuditTrail.MaxBatch + 10)
            .Select(i => trail.AppendAsync(Samples.Entry(i == 0 ? "poison" : "bounded-" + i))).ToList();
        store.AppendGate.Release();
        await Task.WhenAll(appends.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        appends.Take(AuditTrail.MaxBatch).Should().OnlyContain(a => a.IsFaulted);
        var written = appends.Skip(AuditTrail.MaxBatch).Select(a => a.Result).ToList();
        written.Select(r => r.Id).Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i));
        written[0].CaseId.Should().Be("bounded-" + AuditTrail.MaxBatch);
        (await new ChainVerifier(store).VerifyAsync()).RecordsChecked.Should().Be(10);
    }

    [Fact]
    public async Task An_append_cancelled_while_queued_is_not_written_and_leaves_no_gap()
    {
        var store = _db.NewStore();
        await using var trail = new AuditTrail(store);
        using var cancel = new CancellationTokenSource();
        await store.AppendGate.WaitAsync();
        var dropped = trail.AppendAsync(Samples.Entry("dropped"), cancel.Token);
        var kept = trail.AppendAsync(Samples.Entry("kept"));
        await cancel.CancelAsync();
        store.AppendGate.Release();

        await FluentActions.Awaiting(() => dropped).Should().ThrowAsync<OperationCanceledException>();
        (await kept).Id.Should().Be(1);
        await using var db = store.CreateContext();
        (await db.Records.Select(r => r.CaseId).ToListAsync()).Should().Equal("kept");
    }

    [Fact]
    public async Task After_shutdown_an_append_is_refused_and_queued_ones_were_written()
    {
        var store = _db.NewStore();
        var trail = new AuditTrail(store);
        var queued = Enumerable.Range(1, 5).Select(i => trail.AppendAsync(Samples.Entry("queued-" + i))).ToList();
        await trail.DisposeAsync();

        queued.Should().OnlyContain(t => t.IsCompletedSuccessfully, "shutdown waits for the queue to be written");
        Action late = () => trail.AppendAsync(Samples.Entry("late"));
        late.Should().Throw<ObjectDisposedException>("AppendAsync refuses before queueing, not in its task");
        (await new ChainVerifier(store).VerifyAsync()).RecordsChecked.Should().Be(5);
    }

    /// <summary>A trigger in the database refuses records whose case id is "poison": a real failed transaction.</summary>
    private Task PoisonAsync() => provider == AuditStoreOptions.Postgres
        ? _db.ExecuteSqlAsync("""
            CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
            BEGIN IF NEW."CaseId" = 'poison' THEN RAISE EXCEPTION 'poisoned record'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_poison BEFORE INSERT ON "AuditRecords" FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """)
        : _db.ExecuteSqlAsync("""
            CREATE TRIGGER refuse_poison BEFORE INSERT ON "AuditRecords" WHEN NEW."CaseId" = 'poison'
            BEGIN SELECT RAISE(ABORT, 'poisoned record'); END;
            """);
}

public sealed class SqliteGroupCommitTests() : GroupCommitTests(AuditStoreOptions.Sqlite);

public sealed class PostgresGroupCommitTests() : GroupCommitTests(AuditStoreOptions.Postgres);
