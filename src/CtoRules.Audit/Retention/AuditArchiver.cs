using System.Security.Cryptography;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Export;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Retention;

/// <summary>
/// Retention: records older than a cut-off are written to an NDJSON archive file and removed
/// from the database, leaving an <see cref="AuditArchive"/> row with the archive's last hash, so
/// the database chain goes on verifiably from it and the archive verifies against it
/// (<see cref="VerifyArchiveAsync"/>). The file is written completely (temp file, then rename)
/// before the database changes.
/// </summary>
public sealed class AuditArchiver(AuditStore store, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<ArchiveResult> ArchiveAsync(DateTime olderThan, string folder, CancellationToken cancel = default)
    {
        await store.AppendGate.WaitAsync(cancel);
        try
        {
            await using var db = store.CreateContext();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            if (store.Options.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditTrail.PostgresLockKey})", cancel);
            var cutoff = DateTime.SpecifyKind(olderThan, DateTimeKind.Utc);
            var records = await db.Records.AsNoTracking().Where(r => r.RecordedAt < cutoff).OrderBy(r => r.Id).ToListAsync(cancel);
            if (records.Count == 0) return new ArchiveResult(0, 0, 0, null, null);
            var first = records[0].Id;
            var last = records[^1].Id;
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"audit-archive-{first:D10}-{last:D10}.ndjson");
            var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await using (var writer = new StreamWriter(temp))
                await AuditExporter.WriteAsync(records.ToAsyncEnumerable(), writer, AuditExportFormat.Ndjson, cancel);
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(temp, cancel)));
            File.Move(temp, file, overwrite: false);
            db.Archives.Add(new AuditArchive
            {
                FromId = first, ToId = last, LastHash = records[^1].Hash, FileName = Path.GetFileName(file), FileDigest = digest,
                ArchivedAt = AuditHash.Truncate(_time.GetUtcNow()),
            });
            await db.SaveChangesAsync(cancel);
            await db.Records.Where(r => r.Id >= first && r.Id <= last).ExecuteDeleteAsync(cancel);
            await tx.CommitAsync(cancel);
            return new ArchiveResult(records.Count, first, last, file, records[^1].Hash);
        }
        finally
        {
            store.AppendGate.Release();
        }
    }

    /// <summary>
    /// Verifies an archive file on its own chain and at both boundaries: it starts where the
    /// previous archive (or the genesis) ended, and ends with the hash the database goes on from.
    /// </summary>
    public async Task<VerifyResult> VerifyArchiveAsync(string file, CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        var name = Path.GetFileName(file);
        var anchor = await db.Archives.AsNoTracking().FirstOrDefaultAsync(a => a.FileName == name, cancel);
        if (anchor is null)
            return VerifyResult.Broken(0, 0, 0, "", ChainProblem.Deleted, null, $"the database has no archive named {name}");
        var before = await db.Archives.AsNoTracking().Where(a => a.ToId < anchor.FromId).OrderByDescending(a => a.ToId).FirstOrDefaultAsync(cancel);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancel)));
        var walk = await ChainVerifier.WalkAsync(ReadAsync(file, cancel), anchor.FromId - 1, before?.LastHash ?? AuditHash.Genesis, null, cancel);
        if (!walk.IsValid) return walk;
        if (walk.LastId != anchor.ToId || walk.HeadHash != anchor.LastHash)
            return walk with { IsValid = false, Problem = ChainProblem.Truncated, RecordId = walk.LastId,
                Message = $"the archive ends at record {walk.LastId}, but the database goes on from record {anchor.ToId} with another hash" };
        if (digest != anchor.FileDigest)
            return walk with { IsValid = false, Problem = ChainProblem.Edited, RecordId = null, Message = "the archive file's digest differs from the one recorded when it was written" };
        return walk with { Message = $"archive {name}: " + walk.Message + "; joins the database chain" };
    }

    private static async IAsyncEnumerable<AuditRecord> ReadAsync(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(cancel) is { } line)
            if (line.Length > 0) yield return AuditExporter.FromJson(line);
    }
}
