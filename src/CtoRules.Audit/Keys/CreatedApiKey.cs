using CtoRules.Audit.Records;

namespace CtoRules.Audit.Keys;

/// <summary>A new key and its secret; the secret exists only here and is never stored.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
