using CtoRules.Packs.Signing;
using CtoRules.Packs.Updating;

namespace CtoRules.Packs.Tests.Updating;

/// <summary>A watcher over a real folder of real signed packs: swaps, refusals and the version policy.</summary>
public sealed class PackWatcherTests : IDisposable
{
    private readonly PackFeed _feed = new();
    private readonly List<PackLoadedEventArgs> _loaded = [];
    private readonly List<PackRefusedEventArgs> _refused = [];

    private PackWatcher Watch(PackVersionPolicy? policy = null, TimeSpan? interval = null)
    {
        var watcher = new PackWatcher(PackSource.FromFolder(_feed.Folder), new PackWatcherOptions
        {
            TrustedKeys = [_feed.PublicKey],
            VersionPolicy = policy ?? PackVersionPolicy.SameMajor(),
            Interval = interval ?? TimeSpan.FromHours(1),
        });
        watcher.PackLoaded += (_, e) => { lock (_loaded) _loaded.Add(e); };
        watcher.PackRefused += (_, e) => { lock (_refused) _refused.Add(e); };
        return watcher;
    }

    private static string IvlTextOf(CtoRules.Advice.AdviceDocument advice) =>
        advice.Advice.Single(a => a.RuleId == "prep.eccentric.ivl").Text;

    [Fact]
    public async Task Loads_the_newest_pack_and_every_advice_names_it()
    {
        _feed.Publish("1.0.0");
        _feed.Publish("1.0.1");
        await using var watcher = Watch();
        (await watcher.CheckNowAsync()).Should().NotBeNull();

        watcher.Current!.Manifest.Version.Should().Be("1.0.1");
        var advice = watcher.Evaluate(PackFeed.IvlCase);
        advice.RuleSet.Should().Be(new CtoRules.Advice.RuleSetReference("test-kb", "1.0.1", watcher.Current.Digest));
        IvlTextOf(advice).Should().Be(PackFeed.IvlText("1.0.1"));
        _loaded.Should().ContainSingle().Which.Previous.Should().BeNull();
    }

    [Fact]
    public async Task Swaps_to_a_newly_published_pack_and_the_old_pack_keeps_working_for_evaluations_that_hold_it()
    {
        _feed.Publish("1.0.0");
        await using var watcher = Watch();
        await watcher.CheckNowAsync();
        var old = watcher.Current!;
        (await watcher.CheckNowAsync()).Should().BeNull("nothing newer was published");

        _feed.Publish("1.1.0");
        var now = await watcher.CheckNowAsync();

        now!.Manifest.Version.Should().Be("1.1.0");
        watcher.Current.Should().BeSameAs(now);
        _loaded.Should().HaveCount(2);
        _loaded[1].Previous.Should().BeSameAs(old);
        IvlTextOf(watcher.Evaluate(PackFeed.IvlCase)).Should().Be(PackFeed.IvlText("1.1.0"));
        // An evaluation that started on the old pack holds it, and it still evaluates as 1.0.0.
        var onOld = old.Evaluate(PackFeed.IvlCase);
        onOld.RuleSet.Version.Should().Be("1.0.0");
        IvlTextOf(onOld).Should().Be(PackFeed.IvlText("1.0.0"));
    }

    [Fact]
    public async Task Evaluations_running_across_a_swap_each_use_one_whole_pack_and_name_it()
    {
        _feed.Publish("1.0.0");
        await using var watcher = Watch();
        await watcher.CheckNowAsync();
        _feed.Publish("1.0.1");

        var results = new System.Collections.Concurrent.ConcurrentBag<CtoRules.Advice.AdviceDocument>();
        // Every evaluator has run at least once on the old pack before the swap starts (on a loaded
        // machine the tasks may otherwise start only after the swap).
        using var started = new CountdownEvent(4);
        var evaluators = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            // Keep evaluating until the swap has happened and a few more evaluations ran on the new pack.
            var afterSwap = 0;
            for (var i = 0; afterSwap < 20 && i < 20_000; i++)
            {
                var advice = watcher.Evaluate(PackFeed.IvlCase);
                results.Add(advice);
                if (i == 0) started.Signal();
                if (advice.RuleSet.Version == "1.0.1") afterSwap++;
            }
        })).ToArray();
        await Task.Run(() => started.Wait(TimeSpan.FromMinutes(2)));
        var swapped = await watcher.CheckNowAsync();
        await Task.WhenAll(evaluators);

        swapped!.Manifest.Version.Should().Be("1.0.1");
        results.Select(a => a.RuleSet.Version).Distinct().Should().BeEquivalentTo(["1.0.0", "1.0.1"]);
        foreach (var advice in results)
            IvlTextOf(advice).Should().Be(PackFeed.IvlText(advice.RuleSet.Version), "the advice comes from the pack it names");
        watcher.Evaluate(PackFeed.IvlCase).RuleSet.Version.Should().Be("1.0.1");
    }

    [Fact]
    public async Task A_tampered_pack_is_refused_once_and_the_current_pack_stays()
    {
        _feed.Publish("1.0.0");
        await using var watcher = Watch();
        await watcher.CheckNowAsync();
        _feed.Tamper(_feed.Publish("1.0.1"));

        (await watcher.CheckNowAsync()).Should().BeNull();
        watcher.Current!.Manifest.Version.Should().Be("1.0.0");
        var refusal = _refused.Should().ContainSingle().Subject;
        refusal.Reason.Should().Be(PackRefusal.Integrity);
        refusal.Message.Should().Contain("does not match the digest");
        refusal.Listing.Version.Should().Be("1.0.1");
        watcher.LastRefusal.Should().BeSameAs(refusal);

        // The same file is not tried (and reported) again on every check.
        await watcher.CheckNowAsync();
        _refused.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_pack_signed_by_an_untrusted_key_is_refused_and_a_good_older_one_is_taken()
    {
        _feed.Publish("1.0.0");
        _feed.Publish("1.0.1");
        using var stranger = PackKeys.Create();
        _feed.Publish("1.0.2", stranger);
        await using var watcher = Watch();

        await watcher.CheckNowAsync();

        watcher.Current!.Manifest.Version.Should().Be("1.0.1");
        _refused.Should().ContainSingle().Which.Reason.Should().Be(PackRefusal.Signature);
    }

    [Fact]
    public async Task The_default_policy_stays_within_the_major_version_and_refuses_the_next_major()
    {
        _feed.Publish("1.0.0");
        await using var watcher = Watch();
        await watcher.CheckNowAsync();
        _feed.Publish("1.1.0");
        _feed.Publish("2.0.0");

        await watcher.CheckNowAsync();

        watcher.Current!.Manifest.Version.Should().Be("1.1.0");
        var refusal = _refused.Should().ContainSingle().Subject;
        refusal.Reason.Should().Be(PackRefusal.VersionPolicy);
        refusal.Message.Should().StartWith("version 2.0.0 leaves major version 1");
    }

    [Fact]
    public async Task Follow_newest_crosses_major_versions_and_pin_keeps_one_version()
    {
        _feed.Publish("1.0.0");
        _feed.Publish("1.1.0");
        _feed.Publish("2.0.0");

        await using var newest = Watch(PackVersionPolicy.FollowNewest);
        await newest.CheckNowAsync();
        newest.Current!.Manifest.Version.Should().Be("2.0.0");

        await using var pinned = Watch(PackVersionPolicy.Pin("1.0.0"));
        await pinned.CheckNowAsync();
        pinned.Current!.Manifest.Version.Should().Be("1.0.0");

        await using var major1 = Watch(PackVersionPolicy.SameMajor(1));
        await major1.CheckNowAsync();
        major1.Current!.Manifest.Version.Should().Be("1.1.0");
    }

    [Fact]
    public async Task A_file_published_while_watching_is_picked_up_without_a_call()
    {
        _feed.Publish("1.0.0");
        await using var watcher = Watch(interval: TimeSpan.FromHours(1));
        var switched = new TaskCompletionSource<PackLoadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.PackLoaded += (_, e) => { if (e.Pack.Manifest.Version == "1.0.1") switched.TrySetResult(e); };
        await watcher.StartAsync();
        watcher.Current!.Manifest.Version.Should().Be("1.0.0");

        _feed.Publish("1.0.1");

        // Only the file-system event can trigger this check: the interval is an hour.
        var loaded = await switched.Task.WaitAsync(TimeSpan.FromSeconds(60));
        loaded.Previous!.Manifest.Version.Should().Be("1.0.0");
        watcher.Current!.Manifest.Version.Should().Be("1.0.1");
    }

    [Fact]
    public void A_watcher_needs_trusted_keys()
    {
        using var source = PackSource.FromFolder(Directory.CreateTempSubdirectory("ctorules-empty-").FullName);
        FluentActions.Invoking(() => new PackWatcher(source, new PackWatcherOptions { TrustedKeys = [] }))
            .Should().Throw<ArgumentException>().WithMessage("*at least one trusted public key*");
    }

    public void Dispose() => _feed.Dispose();
}
