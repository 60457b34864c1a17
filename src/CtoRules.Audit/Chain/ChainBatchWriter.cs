using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Chain;

/// <summary>
/// Writes a batch of records as the next links of the chain in one transaction that holds the
/// chain lock: BEGIN IMMEDIATE on SQLite (the database's write lock), <c>pg_advisory_xact_lock</c>
/// on PostgreSQL (so two hosts on one database take turns, each with whole batches). The head is
/// read under the lock, so another host's records are chained onto, never forked from; the primary
/// key on the id is the last line of defence (a second record with the same id fails).
/// </summary>
internal static class ChainBatchWriter
{
    public static async Task WriteAsync(AuditStore store, IReadOnlyList<AuditRecord> records, TimeProvider time)
    {
        await using var db = store.CreateContext();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear(); // a retried attempt starts from nothing
            await using var tx = await db.Database.BeginTransactionAsync();
            if (store.Options.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditTrail.PostgresLockKey})");
            var (lastId, lastHash) = await ChainHead.ReadAsync(db, CancellationToken.None);
            // The time is taken under the lock so that time never goes backwards along the chain;
            // a batch shares one time, which keeps it non-decreasing.
            var at = AuditHash.Truncate(time.GetUtcNow());
            foreach (var record in records)
            {
                record.Id = ++lastId;
                record.PreviousHash = lastHash;
                record.RecordedAt = at;
                record.Hash = lastHash = AuditHash.Compute(record);
            }
            db.Records.AddRange(records);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        });
    }
}
