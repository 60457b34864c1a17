using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Chain;

/// <summary>
/// Walks the chain in id order and reports the first record that was edited, deleted or
/// reordered. Streams the records (no need to hold the trail in memory) and remembers only
/// hashes, to tell a moved record from a missing one.
/// </summary>
public sealed class ChainVerifier(AuditStore store)
{
    public async Task<VerifyResult> VerifyAsync(CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        var archive = await db.Archives.AsNoTracking().OrderByDescending(a => a.ToId).FirstOrDefaultAsync(cancel);
        var startId = archive?.ToId ?? 0;
        var startHash = archive?.LastHash ?? AuditHash.Genesis;
        var records = db.Records.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable();
        var result = await WalkAsync(records, startId, startHash,
            FindByHashAsync, cancel);
        if (!result.IsValid) return result;
        var checkpoints = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.RecordId).ToListAsync(cancel);
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.RecordId <= startId) break;
            var check = await CheckpointCheck.AgainstAsync(db, checkpoint.RecordId, checkpoint.HeadHash, "the stored checkpoint " + checkpoint.Id, cancel);
            if (check is not null) return result with { IsValid = false, Problem = ChainProblem.Truncated, RecordId = check.Value.Id, Message = check.Value.Message };
        }
        return result;
    }

    // A context of its own: the walk's reader is still open on the first one (PostgreSQL allows one command at a time per connection).
    private async Task<long?> FindByHashAsync(string hash)
    {
        await using var db = store.CreateContext();
        return await db.Records.AsNoTracking().Where(r => r.Hash == hash).Select(r => (long?)r.Id).FirstOrDefaultAsync();
    }

    /// <summary>The chain rule over any sequence of records (the database, or an archive file).</summary>
    /// <param name="findByHash">Finds the record with a hash (to tell a moved record from a missing one); null when only the walk's own records can tell.</param>
    public static async Task<VerifyResult> WalkAsync(IAsyncEnumerable<AuditRecord> records, long startId, string startHash,
        Func<string, Task<long?>>? findByHash = null, CancellationToken cancel = default)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal) { [startHash] = startId };
        long expectedId = startId + 1, count = 0, first = 0;
        var previousHash = startHash;
        await foreach (var r in records.WithCancellation(cancel))
        {
            if (count == 0) first = r.Id;
            count++;
            var last = expectedId - 1;
            if (AuditHash.Compute(r) != r.Hash)
                return VerifyResult.Broken(count, first, r.Id, previousHash, ChainProblem.Edited, r.Id,
                    $"record {r.Id} was edited: its content no longer gives its stored hash");
            if (r.PreviousHash != previousHash)
            {
                long? linked = seen.TryGetValue(r.PreviousHash, out var s) ? s : findByHash is null ? null : await findByHash(r.PreviousHash);
                if (linked is not null)
                    return VerifyResult.Broken(count, first, r.Id, previousHash, ChainProblem.Reordered, r.Id,
                        $"record {r.Id} was reordered: it links to record {linked}, not to record {last}");
                if (r.Id > expectedId)
                    return VerifyResult.Broken(count, first, r.Id, previousHash, ChainProblem.Deleted, r.Id,
                        $"record(s) {expectedId}..{r.Id - 1} before record {r.Id} were deleted");
                // Ids are contiguous but the link is to a hash no record has: the record before
                // was rewritten with a recomputed hash (or replaced by another).
                return VerifyResult.Broken(count, first, r.Id, previousHash, ChainProblem.Edited, last,
                    $"record {last} was rewritten: record {r.Id} links to a hash that record {last} no longer has");
            }
            if (r.Id != expectedId)
                return VerifyResult.Broken(count, first, r.Id, previousHash, r.Id > expectedId ? ChainProblem.Deleted : ChainProblem.Reordered, r.Id,
                    $"record {r.Id} is out of place: the chain expects record {expectedId} here (ids were changed)");
            seen[r.Hash] = r.Id;
            previousHash = r.Hash;
            expectedId++;
        }
        return VerifyResult.Valid(count, first, expectedId - 1, previousHash,
            count == 0 ? "the audit trail is empty" : $"{count} record(s), {first}..{expectedId - 1}, chain intact");
    }
}
