using System.Collections.Concurrent;

namespace CtoRules.Authoring.CorpusCases;

/// <summary>
/// Hands a captured corpus case from the advisor to the corpus-case form: the advisor leaves a
/// draft under a random key and navigates to the form with it. A draft belongs to the user who
/// left it and is forgotten after an hour; one host keeps one instance. Reading does not remove it:
/// a page may be rendered twice (prerendering, then the interactive circuit) and a reload should
/// find the draft again.
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

    /// <summary>
    /// A copy of the draft under a key when it is the user's and still fresh (a copy, so two renders
    /// of the form never share one being edited); null otherwise.
    /// </summary>
    public CorpusCaseForm? Find(string user, string? key)
    {
        if (key is null || !_drafts.TryGetValue(key, out var d)) return null;
        return d.User == user && d.Until >= _time.GetUtcNow() ? CorpusCaseForm.Load(d.Form.ToYaml(), "draft").Form : null;
    }
}
