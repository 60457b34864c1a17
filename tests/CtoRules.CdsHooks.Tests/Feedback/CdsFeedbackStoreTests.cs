using System.Collections.Immutable;
using CtoRules.CdsHooks.Cards;
using CtoRules.CdsHooks.Feedback;

namespace CtoRules.CdsHooks.Tests.Feedback;

/// <summary>The feedback store on a real SQLite file, migrated as the host migrates it.</summary>
public sealed class CdsFeedbackStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cds-feedback-").FullName;

    private CdsFeedbackStore Open()
    {
        var store = new CdsFeedbackStore(CdsFeedbackDatabase.Open("sqlite", $"Data Source={Path.Combine(_dir, "t.db")};Pooling=False"), TimeProvider.System);
        store.Migrate();
        return store;
    }

    private static CdsCard Card(string uuid, string rule) =>
        new(uuid, "Avoid: x", "critical", "d", new CdsSource("l", "https://s/rules/" + rule, new CdsCoding("s", rule, rule)), [], OverrideReasons.All)
        { RuleId = rule, RuleVersion = 1, Kind = "avoid" };

    [Fact]
    public async Task Overrides_are_counted_per_rule_and_version_with_reasons_and_duplicates_tolerated()
    {
        using (var store = Open())
            await store.RecordCardsAsync("cto-calcium-advisor", "h1", "eurocto-calcified-cto", "1.0.0",
                [Card("00000000-0000-0000-0000-000000000001", "rule.a"), Card("00000000-0000-0000-0000-000000000002", "rule.a"), Card("00000000-0000-0000-0000-000000000003", "rule.b")],
                "audit-1", CancellationToken.None);
        var at = new DateTimeOffset(2026, 12, 5, 10, 30, 0, TimeSpan.Zero);
        var overridden = new CdsFeedbackItem("00000000-0000-0000-0000-000000000001", "overridden", OverrideReasons.System, "device-unavailable",
            "Device not available in this lab", "No IVL today", at);
        using (var store = Open())
        {
            var receipt = await store.RecordFeedbackAsync("cto-calcium-advisor",
                [overridden, overridden, new("00000000-0000-0000-0000-000000000003", "accepted", null, null, null, null, at), new("nope", "accepted", null, null, null, null, at)],
                CancellationToken.None);
            receipt.Stored.Should().Be(2);
            receipt.Duplicates.Should().Be(1);
            receipt.Refused.Should().Equal("feedback[3].card: 'nope' is not a card of cto-calcium-advisor");
            (await store.RecordFeedbackAsync("cto-calcium-advisor", [overridden], CancellationToken.None)).Duplicates.Should().Be(1);
        }
        using (var store = Open())
        {
            var a = (await store.ForRuleAsync("rule.a", CancellationToken.None)).Should().ContainSingle().Subject;
            a.Should().BeEquivalentTo(new { RuleSetVersion = "1.0.0", Shown = 2, Accepted = 0, Overridden = 1 });
            a.Overrides.Should().Equal(new OverrideNote("device-unavailable", "Device not available in this lab", "No IVL today", at));
            var ranking = await store.ByOverrideRateAsync(CancellationToken.None);
            ranking.Select(r => (r.RuleId, r.OverrideRate)).Should().Equal(("rule.a", 0.5), ("rule.b", 0.0));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
