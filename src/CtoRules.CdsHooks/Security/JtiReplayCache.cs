using System.Collections.Concurrent;

namespace CtoRules.CdsHooks.Security;

/// <summary>
/// Remembers each (issuer, jti) until its token expires, so a captured token cannot be replayed.
/// In memory: a restart forgets, which is acceptable because tokens live five minutes at most.
/// </summary>
public sealed class JtiReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time the jti is seen for the issuer; false for a replay.</summary>
    public bool TryUse(string issuer, string jti, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
            foreach (var (key, until) in _seen)
                if (until < now) _seen.TryRemove(key, out _);
        return _seen.TryAdd(issuer + "\n" + jti, expires);
    }
}
