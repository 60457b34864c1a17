using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Chain;

/// <summary>Where the chain in the database goes on from: the newest record, else the newest archive, else the genesis.</summary>
internal static class ChainHead
{
    public static async Task<(long Id, string Hash)> ReadAsync(AuditDbContext db, CancellationToken cancel)
    {
        var last = await db.Records.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Hash }).FirstOrDefaultAsync(cancel);
        if (last is not null) return (last.Id, last.Hash);
        var archive = await db.Archives.AsNoTracking().OrderByDescending(a => a.ToId).FirstOrDefaultAsync(cancel);
        return archive is null ? (0, AuditHash.Genesis) : (archive.ToId, archive.LastHash);
    }
}
