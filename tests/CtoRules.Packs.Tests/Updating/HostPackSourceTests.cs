using CtoRules.Packs.HealthChecks;
using CtoRules.Packs.Updating;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CtoRules.Packs.Tests.Updating;

/// <summary>The watcher over a real HTTP host's <c>/api/v1/packs</c>, and the health check that reports it.</summary>
public sealed class HostPackSourceTests : IDisposable
{
    private readonly PackFeed _feed = new();

    private static Task<HealthCheckResult> Health(PackWatcher watcher, PackHealthOptions? options = null) =>
        new PackHealthCheck(watcher, options).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Follows_a_host_swaps_on_a_new_version_refuses_a_tampered_one_and_reports_health()
    {
        _feed.Publish("1.0.0");
        await using var host = await PackHost.StartAsync(_feed.Folder);
        var refused = new List<PackRefusedEventArgs>();
        var failed = new List<PackCheckFailedEventArgs>();
        await using var watcher = new PackWatcher(PackSource.FromHost(host.Address), new PackWatcherOptions { TrustedKeys = [_feed.PublicKey] });
        watcher.PackRefused += (_, e) => refused.Add(e);
        watcher.CheckFailed += (_, e) => failed.Add(e);

        (await Health(watcher)).Status.Should().Be(HealthStatus.Unhealthy, "no pack is loaded yet");

        await watcher.CheckNowAsync();
        watcher.Current!.Manifest.Version.Should().Be("1.0.0");
        watcher.Current.File.Should().Be(new Uri(host.Address, "api/v1/packs/1.0.0").AbsoluteUri);
        var healthy = await Health(watcher);
        healthy.Status.Should().Be(HealthStatus.Healthy);
        healthy.Description.Should().StartWith("test-kb 1.0.0 in force for ");
        healthy.Data["version"].Should().Be("1.0.0");
        healthy.Data["digest"].Should().Be(watcher.Current.Digest);

        _feed.Publish("1.1.0");
        (await watcher.CheckNowAsync())!.Manifest.Version.Should().Be("1.1.0");
        watcher.Evaluate(PackFeed.IvlCase).RuleSet.Version.Should().Be("1.1.0");

        _feed.Tamper(_feed.Publish("1.2.0"));
        (await watcher.CheckNowAsync()).Should().BeNull();
        watcher.Current.Manifest.Version.Should().Be("1.1.0");
        refused.Should().ContainSingle().Which.Reason.Should().Be(PackRefusal.Integrity);
        (await Health(watcher)).Data["lastRefusal"].Should().BeOfType<string>().Which.Should().Contain("1.2.0").And.Contain("Integrity");

        host.Down = true;
        (await watcher.CheckNowAsync()).Should().BeNull();
        failed.Should().ContainSingle().Which.Exception.Message.Should().Contain("503");
        var degraded = await Health(watcher);
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Description.Should().Contain("the last check of host").And.Contain("503");
        watcher.Evaluate(PackFeed.IvlCase).RuleSet.Version.Should().Be("1.1.0", "the pack in force stays while the host is down");

        host.Down = false;
        await watcher.CheckNowAsync();
        (await Health(watcher)).Status.Should().Be(HealthStatus.Healthy);
        (await Health(watcher, new PackHealthOptions { MaxAge = TimeSpan.FromDays(1) })).Status.Should().Be(HealthStatus.Degraded,
            "the test packs are published with a fixed date in 2026-11, more than a day ago");
    }

    [Fact]
    public async Task Lists_the_host_packs_with_id_version_download_address_and_digest()
    {
        _feed.Publish("1.0.0");
        await using var host = await PackHost.StartAsync(_feed.Folder);
        using var source = PackSource.FromHost(host.Address);
        var listed = (await source.ListAsync()).Should().ContainSingle().Subject;
        listed.Should().Be(new PackListing("test-kb", "1.0.0", new Uri(host.Address, "api/v1/packs/1.0.0").AbsoluteUri, listed.Stamp));
        listed.Stamp.Should().StartWith("sha256:", "a published pack is immutable: its digest identifies it");
    }

    public void Dispose() => _feed.Dispose();
}
