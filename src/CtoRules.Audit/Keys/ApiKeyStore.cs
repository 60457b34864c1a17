using System.Security.Cryptography;
using System.Text;
using CtoRules.Audit.Records;
using CtoRules.Audit.Storage;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Audit.Keys;

/// <summary>
/// Creates, finds, lists and revokes API keys. A key is <c>ctok_</c> and 43 characters of
/// base64url (256 random bits); only its SHA-256 is stored. A plain hash (no salt, no slow KDF)
/// is enough for a random 256-bit secret and keeps the per-request check cheap.
/// </summary>
public sealed class ApiKeyStore(AuditStore store, TimeProvider? time = null)
{
    public const string KeyPrefix = "ctok_";

    /// <summary>Last-used is written at most this often per key, so that every request is not a database write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<CreatedApiKey> CreateAsync(string name, IEnumerable<string> scopes, CancellationToken cancel = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new ApiKeyException($"a key name is 1 to 100 characters without spaces; '{name}' is not");
        var scopeList = scopes.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        if (scopeList.Count == 0) throw new ApiKeyException("a key needs at least one scope: " + string.Join(", ", ApiScopes.All));
        var unknown = scopeList.Where(s => !ApiScopes.All.Contains(s)).ToList();
        if (unknown.Count > 0) throw new ApiKeyException($"unknown scope '{unknown[0]}'; the scopes are {string.Join(", ", ApiScopes.All)}");

        await using var db = store.CreateContext();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancel)) throw new ApiKeyException($"a key named '{name}' already exists");
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name,
            Prefix = secret[..(KeyPrefix.Length + 6)],
            Hash = HashOf(secret),
            Scopes = string.Join(' ', ApiScopes.All.Where(scopeList.Contains)),
            CreatedAt = Now(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancel);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>The live (not revoked) key with this secret, or null; notes the use.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken cancel = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = HashOf(secret);
        await using var db = store.CreateContext();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, cancel);
        if (key is null || key.IsRevoked) return null;
        var now = Now();
        if (key.LastUsedAt is null || now - key.LastUsedAt.Value >= LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancel);
        }
        return key;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancel);
    }

    /// <summary>Revokes the key by name; revoking a revoked key is not an error.</summary>
    public async Task<ApiKey> RevokeAsync(string name, CancellationToken cancel = default)
    {
        await using var db = store.CreateContext();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == name, cancel)
            ?? throw new ApiKeyException($"no key named '{name}'");
        key.RevokedAt ??= Now();
        await db.SaveChangesAsync(cancel);
        return key;
    }

    public static string HashOf(string secret) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private DateTime Now() => Chain.AuditHash.Truncate(_time.GetUtcNow());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
