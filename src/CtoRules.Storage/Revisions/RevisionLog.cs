using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage.Revisions;

/// <summary>Reads and appends rule revisions.</summary>
public sealed class RevisionLog(AuthoringDbContext db)
{
    public async Task AddAsync(RuleRevision revision, CancellationToken cancel = default)
    {
        db.RuleRevisions.Add(revision);
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>A rule's revisions, newest first.</summary>
    public async Task<IReadOnlyList<RuleRevision>> ForRuleAsync(string ruleId, CancellationToken cancel = default) =>
        await db.RuleRevisions.AsNoTracking().Where(r => r.RuleId == ruleId)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync(cancel);

    /// <summary>The ids of rules whose newest revision retired them (and so can be restored).</summary>
    public async Task<IReadOnlyList<RuleRevision>> RetiredAsync(CancellationToken cancel = default)
    {
        var all = await db.RuleRevisions.AsNoTracking().ToListAsync(cancel);
        return [.. all.GroupBy(r => r.RuleId)
            .Select(g => g.OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).First())
            .Where(r => r.Kind == RevisionKind.Retire)
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)];
    }
}
