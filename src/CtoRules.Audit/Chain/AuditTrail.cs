using CtoRules.Advice;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Chain;

/// <summary>
/// Appends to the chain. Each append reads the head and writes the next record inside one
/// transaction that holds the chain lock: BEGIN IMMEDIATE on SQLite (the database's write lock),
/// <c>pg_advisory_xact_lock</c> on PostgreSQL (so two hosts on one database take turns); the
/// primary key on the id is the last line of defence (a second record with the same id fails).
/// </summary>
public sealed class AuditTrail(AuditStore store, TimeProvider? time = null) : IAuditTrail
{
    /// <summary>The advisory lock key (any constant; "CTOA" in ASCII).</summary>
    public const long PostgresLockKey = 0x43544F41;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = ToRecord(entry);
        await store.AppendGate.WaitAsync(cancel);
        try
        {
            await using var db = store.CreateContext();
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancel);
                if (store.Options.IsPostgres)
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancel);
                var (lastId, lastHash) = await ChainHead.ReadAsync(db, cancel);
                record.Id = lastId + 1;
                record.PreviousHash = lastHash;
                // The time is taken under the lock so that time never goes backwards along the chain.
                record.RecordedAt = AuditHash.Truncate(_time.GetUtcNow());
                record.Hash = AuditHash.Compute(record);
                db.Records.Add(record);
                await db.SaveChangesAsync(cancel);
                await tx.CommitAsync(cancel);
                return record;
            });
        }
        finally
        {
            store.AppendGate.Release();
        }
    }

    internal static AuditRecord ToRecord(AuditEntry entry)
    {
        var advice = entry.Advice;
        var fired = advice.Advice.Select(a => a.RuleId)
            .Concat(advice.Scores.SelectMany(s => s.Components).Select(c => c.RuleId).OfType<string>())
            .Distinct(StringComparer.Ordinal);
        var actions = advice.Advice.SelectMany(a => a.Actions).Distinct(StringComparer.Ordinal);
        return new AuditRecord
        {
            Caller = entry.Caller,
            Channel = entry.Channel,
            CaseId = advice.CaseId,
            PackId = advice.RuleSet.Id,
            PackVersion = advice.RuleSet.Version,
            PackDigest = advice.RuleSet.Digest,
            CaseJson = entry.CaseJson,
            AdviceJson = AdviceJson.Serialize(advice, indented: false),
            RuleIds = Padded(fired),
            ActionCodes = Padded(actions),
        };
    }

    private static string Padded(IEnumerable<string> words)
    {
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? "" : " " + joined + " ";
    }
}
