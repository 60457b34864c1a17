using System.Security.Cryptography;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using CtoRules.Packs.Signing;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Checkpoints;

/// <summary>
/// Signs the chain's head (stored in the database, and handed back to be exported) and checks a
/// trail against an exported checkpoint: an intact chain that lost its newest records still
/// verifies on its own, but not against a checkpoint that saw them.
/// </summary>
public sealed class CheckpointService(AuditStore store, ECDsa? hostKey = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <exception cref="InvalidOperationException">The service was made without the host key (it can then only verify).</exception>
    public async Task<SignedCheckpoint> CreateAsync(CancellationToken cancel = default)
    {
        if (hostKey is null) throw new InvalidOperationException("creating a checkpoint needs the host key");
        await using var db = store.CreateContext();
        var (id, hash) = await ChainHead.ReadAsync(db, cancel);
        var createdAt = AuditHash.Truncate(_time.GetUtcNow());
        var signature = PackKeys.Sign(SignedCheckpoint.SignedDigest(id, hash, createdAt), hostKey);
        db.Checkpoints.Add(new AuditCheckpoint { RecordId = id, HeadHash = hash, CreatedAt = createdAt, KeyId = signature.KeyId, Signature = signature.Value });
        await db.SaveChangesAsync(cancel);
        return new SignedCheckpoint(id, hash, createdAt, signature.KeyId, PackKeys.ExportPublicPem(hostKey), signature.Value);
    }

    /// <summary>
    /// A new checkpoint when records were appended since the newest stored one, else null: a
    /// periodic schedule then adds nothing while the trail is idle.
    /// </summary>
    public async Task<SignedCheckpoint?> CreateIfHeadMovedAsync(CancellationToken cancel = default)
    {
        await using (var db = store.CreateContext())
        {
            var (id, _) = await ChainHead.ReadAsync(db, cancel);
            if (id == 0) return null;
            var newest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.RecordId).Select(c => (long?)c.RecordId).FirstOrDefaultAsync(cancel);
            if (newest >= id) return null;
        }
        return await CreateAsync(cancel);
    }

    /// <summary>Verifies the chain, then that it still holds what <paramref name="checkpoint"/> vouches for.</summary>
    public async Task<VerifyResult> VerifyAgainstAsync(SignedCheckpoint checkpoint, string? expectedKeyId = null, CancellationToken cancel = default)
    {
        var chain = await new ChainVerifier(store).VerifyAsync(cancel);
        var signatureProblem = CheckSignature(checkpoint, expectedKeyId);
        if (signatureProblem is not null) return chain with { IsValid = false, Problem = ChainProblem.BadCheckpoint, RecordId = null, Message = signatureProblem };
        if (!chain.IsValid) return chain;
        await using var db = store.CreateContext();
        var check = await CheckpointCheck.AgainstAsync(db, checkpoint.RecordId, checkpoint.HeadHash, "the checkpoint of " + AuditHash.FormatTime(checkpoint.CreatedAt), cancel);
        return check is null
            ? chain with { Message = chain.Message + $"; holds checkpoint record {checkpoint.RecordId}" }
            : chain with { IsValid = false, Problem = ChainProblem.Truncated, RecordId = check.Value.Id, Message = check.Value.Message };
    }

    /// <summary>Null when the signature verifies with the included key (and that key is the expected one), else why not.</summary>
    public static string? CheckSignature(SignedCheckpoint c, string? expectedKeyId)
    {
        using var key = ECDsa.Create();
        try { key.ImportFromPem(c.PublicKey); }
        catch (Exception e) when (e is ArgumentException or CryptographicException) { return "the checkpoint's public key cannot be read"; }
        var keyId = PackKeys.KeyId(key);
        if (keyId != c.KeyId) return "the checkpoint's key id does not match its public key";
        if (expectedKeyId is not null && keyId != expectedKeyId) return $"the checkpoint was signed by {keyId}, not by the expected key {expectedKeyId}";
        byte[] signature;
        try { signature = Convert.FromBase64String(c.Signature); }
        catch (FormatException) { return "the checkpoint's signature is not base64"; }
        var digest = PackKeys.DigestBytes(SignedCheckpoint.SignedDigest(c.RecordId, c.HeadHash, c.CreatedAt));
        return key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence) ? null : "the checkpoint's signature does not verify: the file was altered";
    }
}
