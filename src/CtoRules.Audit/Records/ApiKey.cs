namespace CtoRules.Audit.Records;

/// <summary>An API key: only the SHA-256 of the secret is stored; the secret is shown once.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, to recognise it in a list (not enough to use it).</summary>
    public string Prefix { get; set; } = "";

    /// <summary><c>sha256:</c> hex of the whole key.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Space separated: <c>evaluate</c>, <c>read</c>.</summary>
    public string Scopes { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
