using CtoRules.Audit.Chain;
using CtoRules.Audit.Export;
using CtoRules.Audit.Replay;
using CtoRules.Audit.Retention;
using CtoRules.Audit.Search;
using CtoRules.Audit.Storage;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Audit.Tests;

/// <summary>Replay, search, export and retention; the same tests on SQLite and on PostgreSQL.</summary>
public abstract class ReplayAndRetentionTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task An_untouched_record_replays_identically_on_its_pack()
    {
        var store = _db.NewStore();
        var record = await new AuditTrail(store).AppendAsync(Samples.Entry());
        var replayer = new AuditReplayer(store, Samples.Packs);
        var result = replayer.ReplayOnStoredPack((await replayer.FindAsync(record.Id))!);
        result.Ran.Should().BeTrue(result.Error);
        result.Identical.Should().BeTrue(string.Join("; ", result.Differences));
        result.PackDigest.Should().Be(record.PackDigest);
    }

    [Fact]
    public async Task Replayed_on_another_pack_the_difference_is_shown()
    {
        var store = _db.NewStore();
        var record = await new AuditTrail(store).AppendAsync(Samples.Entry());
        var other = RulePack.Load(Samples.WriteOtherPack(Path.Combine(_db.Folder, "packs")), PackTrust.DigestOnly);
        var result = AuditReplayer.ReplayOn(record, other);
        result.Identical.Should().BeFalse();
        result.Differences.Select(d => d.Path).Should().Contain("$.advice[?(@.ruleId=='prep.extraplaque.avoid-atherectomy')]")
            .And.Contain("$.ruleSet.version").And.Contain("$.ruleSet.digest");
        result.Differences.Single(d => d.Path == "$.ruleSet.version").ToString().Should().Be("$.ruleSet.version: \"2.0.0\" -> \"2.0.1\"");
        result.Differences.Single(d => d.Path.Contains("prep.extraplaque.avoid-atherectomy")).After.Should().BeNull("the rule is not in the other pack");

        // The newest pack of a folder holding both is the other one.
        File.Copy(Samples.Pack.File, Path.Combine(_db.Folder, "packs", Path.GetFileName(Samples.Pack.File)));
        var library = new PackLibrary(Path.Combine(_db.Folder, "packs"));
        library.Newest()!.Manifest.Version.Should().Be("2.0.1");
        new AuditReplayer(store, library).ReplayOnNewestPack(record).Identical.Should().BeFalse();
        new AuditReplayer(store, library).ReplayOnStoredPack(record).Identical.Should().BeTrue();
    }

    [Fact]
    public async Task A_record_whose_pack_is_gone_says_so()
    {
        var store = _db.NewStore();
        var record = await new AuditTrail(store).AppendAsync(Samples.Entry());
        var result = new AuditReplayer(store, new PackLibrary(Path.Combine(_db.Folder, "no-packs"))).ReplayOnStoredPack(record);
        result.Ran.Should().BeFalse();
        result.Error.Should().Contain(record.PackDigest!);
    }

    [Fact]
    public async Task Search_finds_by_each_criterion_and_pages()
    {
        var store = _db.NewStore();
        var trail = new AuditTrail(store);
        for (var i = 0; i < 5; i++) await trail.AppendAsync(Samples.Entry("case-" + i, caller: i % 2 == 0 ? "apikey:a" : "alice", channel: i % 2 == 0 ? "api" : "site"));
        var search = new AuditSearch(store);
        (await search.FindAsync(new AuditQuery(CaseId: "case-3"))).Records.Should().ContainSingle(r => r.CaseId == "case-3");
        (await search.FindAsync(new AuditQuery(Caller: "alice"))).Total.Should().Be(2);
        (await search.FindAsync(new AuditQuery(Channel: "api"))).Total.Should().Be(3);
        (await search.FindAsync(new AuditQuery(RuleId: "prep.extraplaque.avoid-atherectomy"))).Total.Should().Be(5);
        (await search.FindAsync(new AuditQuery(RuleId: "prep.extraplaque"))).Total.Should().Be(0, "a rule id matches whole");
        (await search.FindAsync(new AuditQuery(ActionCode: "ra-small-burr"))).Total.Should().Be(5);
        (await search.FindAsync(new AuditQuery(PackVersion: "9.9.9"))).Total.Should().Be(0);
        (await search.FindAsync(new AuditQuery(From: DateTime.UtcNow.AddHours(1)))).Total.Should().Be(0);
        (await search.FindAsync(new AuditQuery(From: DateTime.UtcNow.AddHours(-1), To: DateTime.UtcNow.AddHours(1)))).Total.Should().Be(5);
        var page2 = await search.FindAsync(new AuditQuery(Page: 2, PageSize: 2));
        (page2.Total, page2.Pages).Should().Be((5L, 3));
        page2.Records.Select(r => r.Id).Should().Equal(3, 2);
    }

    [Fact]
    public async Task Export_writes_csv_and_ndjson_that_reads_back()
    {
        var store = _db.NewStore();
        var trail = new AuditTrail(store);
        for (var i = 0; i < 3; i++) await trail.AppendAsync(Samples.Entry("case-" + i));
        var search = new AuditSearch(store);
        var csv = new StringWriter();
        (await AuditExporter.WriteAsync(search.StreamAsync(new AuditQuery()), csv, AuditExportFormat.Csv)).Should().Be(3);
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(string.Join(',', AuditExporter.CsvColumns));
        lines.Should().HaveCount(4);
        lines[1].Should().StartWith("1,").And.Contain(",case-0,");
        var nd = new StringWriter();
        await AuditExporter.WriteAsync(search.StreamAsync(new AuditQuery(CaseId: "case-1")), nd, AuditExportFormat.Ndjson);
        var back = AuditExporter.FromJson(nd.ToString().Trim());
        (back.Id, back.CaseId).Should().Be((2L, "case-1"));
        AuditHash.Compute(back).Should().Be(back.Hash, "an exported record still verifies");
    }

    [Fact]
    public async Task Archived_records_leave_a_chain_that_verifies_across_the_boundary()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = _db.NewStore();
        var trail = new AuditTrail(store, clock);
        for (var i = 0; i < 6; i++) { await trail.AppendAsync(Samples.Entry("case-" + i)); clock.Advance(TimeSpan.FromDays(10)); }
        var archiver = new AuditArchiver(store, clock);
        var folder = Path.Combine(_db.Folder, "archive");
        var result = await archiver.ArchiveAsync(new DateTime(2026, 1, 25, 0, 0, 0, DateTimeKind.Utc), folder);
        (result.Count, result.FromId, result.ToId).Should().Be((3, 1L, 3L));
        (await archiver.ArchiveAsync(new DateTime(2026, 1, 25, 0, 0, 0, DateTimeKind.Utc), folder)).Count.Should().Be(0);

        await trail.AppendAsync(Samples.Entry("after-archive"));
        var db = await new ChainVerifier(store).VerifyAsync();
        db.IsValid.Should().BeTrue(db.Message);
        (db.FirstId, db.LastId).Should().Be((4L, 7L));
        (await archiver.VerifyArchiveAsync(result.File!)).IsValid.Should().BeTrue();

        // A second archive continues from the first.
        var second = await archiver.ArchiveAsync(new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc), folder);
        (second.FromId, second.ToId).Should().Be((4L, 5L));
        (await archiver.VerifyArchiveAsync(second.File!)).IsValid.Should().BeTrue();
        (await new ChainVerifier(store).VerifyAsync()).IsValid.Should().BeTrue();

        // Editing the archive file is found.
        var text = await File.ReadAllTextAsync(result.File!);
        await File.WriteAllTextAsync(result.File!, text.Replace("case-1", "case-X"));
        var tampered = await archiver.VerifyArchiveAsync(result.File!);
        (tampered.IsValid, tampered.Problem, tampered.RecordId).Should().Be((false, ChainProblem.Edited, 2L));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class SqliteReplayAndRetentionTests() : ReplayAndRetentionTests(AuditStoreOptions.Sqlite);

public sealed class PostgresReplayAndRetentionTests() : ReplayAndRetentionTests(AuditStoreOptions.Postgres);
