using System.Globalization;
using CtoRules.Packs.Updating;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CtoRules.Packs.HealthChecks;

/// <summary>
/// Reports the pack a <see cref="PackWatcher"/> has in force and its age. Unhealthy while no pack
/// is loaded (the app cannot advise); degraded when the last check of the source failed (the app
/// may be running on a stale pack) or the pack is older than <see cref="PackHealthOptions.MaxAge"/>;
/// healthy otherwise. A refused pack alone does not degrade: refusing it is the watcher working.
/// </summary>
public sealed class PackHealthCheck(PackWatcher watcher, PackHealthOptions? options = null) : IHealthCheck
{
    private readonly PackHealthOptions _options = options ?? new PackHealthOptions();

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = watcher.Options.Time.GetUtcNow();
        var data = new Dictionary<string, object> { ["source"] = watcher.Source.Description, ["versionPolicy"] = watcher.Options.VersionPolicy.ToString() };
        if (watcher.LastCheck is { } checkedAt) data["lastCheck"] = checkedAt.ToString("O", CultureInfo.InvariantCulture);
        if (watcher.LastRefusal is { } refused)
            data["lastRefusal"] = $"{refused.At.ToString("O", CultureInfo.InvariantCulture)} {refused.Listing}: {refused.Reason}: {refused.Message}";

        if (watcher.Current is not { } pack || watcher.CurrentSince is not { } since)
            return Task.FromResult(HealthCheckResult.Unhealthy($"no rule pack loaded from {watcher.Source.Description}", data: data));

        var m = pack.Manifest;
        var inForce = now - since;
        var age = now - m.Created;
        data["ruleSetId"] = m.Id;
        data["version"] = m.Version;
        data["digest"] = pack.Digest;
        if (pack.SignatureVerifiedBy is { } key) data["signedBy"] = key;
        data["published"] = m.Created.ToString("O", CultureInfo.InvariantCulture);
        data["inForceSince"] = since.ToString("O", CultureInfo.InvariantCulture);
        data["inForceSeconds"] = Math.Max(0, (long)inForce.TotalSeconds);
        data["ageSeconds"] = Math.Max(0, (long)age.TotalSeconds);

        var description = $"{m.Id} {m.Version} in force for {Round(inForce)}, published {Round(age)} ago";
        if (watcher.LastCheckFailure is { } failure)
            return Task.FromResult(HealthCheckResult.Degraded($"{description}; the last check of {failure.Source} failed: {failure.Exception.Message}", data: data));
        if (_options.MaxAge is { } max && age > max)
            return Task.FromResult(HealthCheckResult.Degraded($"{description}; older than the allowed {Round(max)}", data: data));
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }

    private static string Round(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays} d" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} h" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min" : $"{Math.Max(0, (int)t.TotalSeconds)} s";
}
