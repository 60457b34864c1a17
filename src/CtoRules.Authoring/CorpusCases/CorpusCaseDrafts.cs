using System.Collections.Concurrent;

namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// Hands a captured corpus case from the advisor to the corpus-case form: the advisor leaves a
/// draft under a random key and navigates to the form with it. A draft belongs to the user who
/// left it, is taken once, and is forgotten after an hour; one host keeps one instance.
/// </summary>
public sealed class CorpusCaseDrafts(TimeProvider? time = null)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (string User, CorpusCaseForm Form, DateTimeOffset Until)> _drafts = new(StringComparer.Ordinal);

    /// <summary>Keeps a draft for a user; returns its key.</summary>
    public string Leave(string user, CorpusCaseForm form)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, d) in _drafts)
            if (d.Until < now) _drafts.TryRemove(key, out _);
        var id = Guid.NewGuid().ToString("N");
        _drafts[id] = (user, form, now + Lifetime);
        return id;
    }

    /// <summary>The draft under a key when it is the user's and still fresh; it is removed either way.</summary>
    public CorpusCaseForm? Take(string user, string? key)
    {
        if (key is null || !_drafts.TryRemove(key, out var d)) return null;
        return d.User == user && d.Until >= _time.GetUtcNow() ? d.Form : null;
    }
}
