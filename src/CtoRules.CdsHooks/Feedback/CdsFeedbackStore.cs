using System.Collections.Immutable;
using CtoRules.CdsHooks.Cards;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.CdsHooks.Feedback;

/// <summary>
/// Records the cards the service shows and the outcomes clients report, and answers the
/// committee's questions per rule. One instance per unit of work (it owns its DbContext).
/// </summary>
public sealed class CdsFeedbackStore(CdsFeedbackDbContext db, TimeProvider time) : IDisposable
{
    public static readonly ImmutableArray<string> Outcomes = ["accepted", "overridden"];

    public void Migrate() => db.Database.Migrate();

    public async Task RecordCardsAsync(string serviceId, string hookInstance, string ruleSetId, string ruleSetVersion,
        IEnumerable<CdsCard> cards, string? auditRecordId, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        foreach (var c in cards)
            db.Cards.Add(new CardRecord
            {
                Uuid = c.Uuid, ServiceId = serviceId, HookInstance = hookInstance, RuleId = c.RuleId, RuleVersion = c.RuleVersion,
                RuleSetId = ruleSetId, RuleSetVersion = ruleSetVersion, Kind = c.Kind, Summary = c.Summary,
                AuditRecordId = auditRecordId, IssuedAt = now,
            });
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>Stores a batch; unknown cards and outcomes are refused one by one, duplicates are tolerated.</summary>
    public async Task<FeedbackReceipt> RecordFeedbackAsync(string serviceId, IReadOnlyList<CdsFeedbackItem> items, CancellationToken cancel)
    {
        int stored = 0, duplicates = 0;
        var refused = ImmutableArray.CreateBuilder<string>();
        var now = time.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!Outcomes.Contains(item.Outcome)) { refused.Add($"feedback[{i}].outcome: '{item.Outcome}' is not accepted or overridden"); continue; }
            var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Uuid == item.Card, cancel);
            if (card is null || card.ServiceId != serviceId) { refused.Add($"feedback[{i}].card: '{item.Card}' is not a card of {serviceId}"); continue; }
            var exists = await db.Feedback.AnyAsync(f => f.CardUuid == item.Card && f.Outcome == item.Outcome && f.OutcomeTimestamp == item.OutcomeTimestamp, cancel)
                || db.Feedback.Local.Any(f => f.CardUuid == item.Card && f.Outcome == item.Outcome && f.OutcomeTimestamp == item.OutcomeTimestamp);
            if (exists) { duplicates++; continue; }
            db.Feedback.Add(new FeedbackRecord
            {
                CardUuid = item.Card, ServiceId = serviceId, Outcome = item.Outcome,
                ReasonSystem = item.ReasonSystem, ReasonCode = item.ReasonCode, ReasonDisplay = item.ReasonDisplay,
                UserComment = item.UserComment, OutcomeTimestamp = item.OutcomeTimestamp, ReceivedAt = now,
            });
            stored++;
        }
        await db.SaveChangesAsync(cancel);
        return new FeedbackReceipt(stored, duplicates, refused.ToImmutable());
    }

    /// <summary>Statistics for one rule (every rule-set version), newest version first.</summary>
    public async Task<ImmutableArray<RuleFeedbackStats>> ForRuleAsync(string ruleId, CancellationToken cancel) =>
        [.. (await StatsAsync(ruleId, cancel)).OrderByDescending(s => s.RuleSetVersion, StringComparer.Ordinal)];

    /// <summary>Every rule with cards shown, by override rate (highest first): the committee view.</summary>
    public async Task<ImmutableArray<RuleFeedbackStats>> ByOverrideRateAsync(CancellationToken cancel) =>
        [.. (await StatsAsync(null, cancel)).OrderByDescending(s => s.OverrideRate).ThenByDescending(s => s.Overridden).ThenBy(s => s.RuleId, StringComparer.Ordinal)];

    private async Task<List<RuleFeedbackStats>> StatsAsync(string? ruleId, CancellationToken cancel)
    {
        var cards = await db.Cards.AsNoTracking().Where(c => ruleId == null || c.RuleId == ruleId)
            .Select(c => new { c.Uuid, c.RuleId, c.RuleSetVersion }).ToListAsync(cancel);
        var uuids = cards.Select(c => c.Uuid).ToList();
        var feedback = await db.Feedback.AsNoTracking().Where(f => uuids.Contains(f.CardUuid)).ToListAsync(cancel);
        var byCard = feedback.ToLookup(f => f.CardUuid);
        return cards.GroupBy(c => (c.RuleId, c.RuleSetVersion)).Select(g =>
        {
            var fs = g.SelectMany(c => byCard[c.Uuid]).ToList();
            // The latest outcome of a card counts (a card accepted then overridden is overridden).
            var latest = fs.GroupBy(f => f.CardUuid).Select(x => x.OrderByDescending(f => f.OutcomeTimestamp).First()).ToList();
            return new RuleFeedbackStats(g.Key.RuleId, g.Key.RuleSetVersion, g.Count(),
                latest.Count(f => f.Outcome == "accepted"), latest.Count(f => f.Outcome == "overridden"),
                [.. fs.Where(f => f.Outcome == "overridden").OrderByDescending(f => f.OutcomeTimestamp)
                    .Select(f => new OverrideNote(f.ReasonCode, f.ReasonDisplay, f.UserComment, f.OutcomeTimestamp))]);
        }).ToList();
    }

    public void Dispose() => db.Dispose();
}
