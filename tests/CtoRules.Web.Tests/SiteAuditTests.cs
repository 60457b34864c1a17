using System.Security.Claims;
using CtoRules.Audit.Chain;
using CtoRules.Audit.Records;
using CtoRules.Audit.Replay;
using CtoRules.Audit.Storage;
using CtoRules.Audit.Tests;
using CtoRules.Authoring.Advising;
using CtoRules.Cases;
using CtoRules.Web.Advising;
using CtoRules.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests;

/// <summary>The site advisor's evaluations are audit records, and the host signs the chain head on its schedule; on SQLite and PostgreSQL.</summary>
public abstract class SiteAuditTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _host = new ApiHost(_db);
        _ = _host.CreateClient(); // starts the host: migrations applied
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static ClaimsPrincipal User(string name) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));

    [Fact]
    public async Task An_advisor_evaluation_on_a_published_pack_is_recorded_with_the_user_and_replays_identically()
    {
        var sources = _host.Services.GetRequiredService<RuleSources>();
        var packKey = sources.List().Last(s => s.Key != RuleSource.WorkingCopyKey && s.IsUsable).Key;
        var json = Samples.CaseJson("site-advisor-1");
        var @case = CaseReader.ReadJson(json).Case!;

        var result = await _host.Services.GetRequiredService<AuditedAdvisor>().EvaluateAsync(User("ada"), packKey, @case, json);

        result.Should().NotBeNull();
        var replayer = _host.Services.GetRequiredService<AuditReplayer>();
        var record = (await replayer.FindAsync(result!.AuditRecordId))!;
        (record.Caller, record.Channel, record.CaseId).Should().Be(("ada", AuditChannels.Site, "site-advisor-1"));
        record.PackDigest.Should().Be(result.Advice.RuleSet.Digest);
        replayer.ReplayOnStoredPack(record).Identical.Should().BeTrue();
        (await new ChainVerifier(_host.Services.GetRequiredService<AuditStore>()).VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task A_working_copy_evaluation_is_recorded_with_its_digest_and_replay_without_its_pack_says_why()
    {
        var json = Samples.CaseJson("site-advisor-wc");
        var result = await _host.Services.GetRequiredService<AuditedAdvisor>().EvaluateAsync(User("ada"), RuleSource.WorkingCopyKey, CaseReader.ReadJson(json).Case!, json);
        var replayer = _host.Services.GetRequiredService<AuditReplayer>();
        var record = (await replayer.FindAsync(result!.AuditRecordId))!;
        (record.Caller, record.Channel).Should().Be(("ada", AuditChannels.Site));
        record.PackDigest.Should().Be(result.Advice.RuleSet.Digest, "the record names the working copy's rule-set digest");
        var onNewest = replayer.ReplayOnNewestPack(record);
        onNewest.Ran.Should().BeTrue(onNewest.Error);
        // With no pack of that digest (an empty packs folder), replay says why instead of guessing.
        var withoutPacks = new AuditReplayer(_host.Services.GetRequiredService<AuditStore>(), new PackLibrary(Path.Combine(_db.Folder, "no-packs")));
        withoutPacks.ReplayOnStoredPack(record).Error.Should().Contain("no published pack has digest").And.Contain("working copy");
    }

    [Fact]
    public async Task An_unknown_rule_set_is_not_evaluated_and_not_recorded()
    {
        var json = Samples.CaseJson("site-advisor-none");
        var result = await _host.Services.GetRequiredService<AuditedAdvisor>().EvaluateAsync(User("ada"), "no-such-pack.ctopack.json", CaseReader.ReadJson(json).Case!, json);
        result.Should().BeNull();
        (await _db.ExecuteSqlAsync("""DELETE FROM "AuditRecords" WHERE "CaseId" = 'site-advisor-none'""")).Should().Be(0);
    }

    [Fact]
    public async Task The_checkpoint_schedule_signs_a_moved_head_once_and_writes_it_to_a_file()
    {
        var schedule = _host.Services.GetRequiredService<CheckpointSchedule>();
        var json = Samples.CaseJson("site-advisor-cp");
        await _host.Services.GetRequiredService<AuditedAdvisor>().EvaluateAsync(User("ada"), RuleSource.WorkingCopyKey, CaseReader.ReadJson(json).Case!, json);

        var checkpoint = await schedule.RunOnceAsync(CancellationToken.None);
        checkpoint.Should().NotBeNull();
        var folder = _host.Services.GetRequiredService<CheckpointScheduleOptions>().Folder;
        var file = Path.Combine(folder, $"checkpoint-{checkpoint!.RecordId}.json");
        Audit.Checkpoints.SignedCheckpoint.FromJson(await File.ReadAllTextAsync(file)).HeadHash.Should().Be(checkpoint.HeadHash);
        (await schedule.RunOnceAsync(CancellationToken.None)).Should().BeNull("nothing was appended since");
    }
}

public sealed class SqliteSiteAuditTests() : SiteAuditTests(AuditStoreOptions.Sqlite);

public sealed class PostgresSiteAuditTests() : SiteAuditTests(AuditStoreOptions.Postgres);
