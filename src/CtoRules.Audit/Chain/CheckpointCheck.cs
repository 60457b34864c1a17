using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Chain;

/// <summary>Does the database still hold the record a checkpoint names, with the hash it names?</summary>
internal static class CheckpointCheck
{
    public static async Task<(long Id, string Message)?> AgainstAsync(AuditDbContext db, long recordId, string headHash, string what, CancellationToken cancel)
    {
        var archived = await db.Archives.AsNoTracking().Where(a => a.FromId <= recordId && a.ToId >= recordId).AnyAsync(cancel);
        if (archived) return null;
        var record = await db.Records.AsNoTracking().Where(r => r.Id == recordId).Select(r => new { r.Hash }).FirstOrDefaultAsync(cancel);
        if (record is null)
        {
            var head = await db.Records.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancel);
            return (recordId, $"the trail was truncated: {what} vouches for record {recordId}, but the newest record is {head?.ToString() ?? "none"}");
        }
        if (record.Hash != headHash)
            return (recordId, $"record {recordId} differs from {what}: the chain up to it was rewritten");
        return null;
    }
}
