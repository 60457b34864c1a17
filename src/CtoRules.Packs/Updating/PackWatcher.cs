using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Packs.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Semver;

namespace CtoRules.Packs.Updating;

/// <summary>
/// Keeps an app on the newest acceptable published pack without a redeploy
/// (docs/downstream.md). It checks its <see cref="PackSource"/> on an interval and on file-system
/// changes, loads each newer pack, verifies it against the trusted keys, applies the
/// <see cref="PackVersionPolicy"/>, compiles it, and only then swaps it in with one atomic
/// reference write: an evaluation already running finishes on the pack it started with, the next
/// one uses the new pack, and every advice@1 names the pack it used in <c>ruleSet</c>. A pack that
/// is refused is logged and raised as <see cref="PackRefused"/>, and the pack in force stays.
/// </summary>
public sealed class PackWatcher : IAsyncDisposable, IDisposable
{
    private readonly PackSource _source;
    private readonly PackWatcherOptions _options;
    private readonly PackTrust _trust;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private PackInForce? _inForce;
    private Task? _loop;

    /// <summary>
    /// Creates a watcher; call <see cref="StartAsync"/> to load the first pack and start watching.
    /// The watcher owns <paramref name="source"/> and disposes it.
    /// </summary>
    public PackWatcher(PackSource source, PackWatcherOptions options, ILogger<PackWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrustedKeys is null || options.TrustedKeys.Count == 0)
            throw new ArgumentException("a pack watcher needs at least one trusted public key", nameof(options));
        if (options.Interval <= TimeSpan.Zero) throw new ArgumentException("the interval must be positive", nameof(options));
        _source = source;
        _options = options;
        _trust = PackTrust.SignedBy([.. options.TrustedKeys]);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _source.Changed += OnSourceChanged;
    }

    /// <summary>A new pack is in force.</summary>
    public event EventHandler<PackLoadedEventArgs>? PackLoaded;

    /// <summary>A pack was refused (verification, format, content or version policy); the pack in force stays.</summary>
    public event EventHandler<PackRefusedEventArgs>? PackRefused;

    /// <summary>The source could not be listed; the pack in force stays.</summary>
    public event EventHandler<PackCheckFailedEventArgs>? CheckFailed;

    /// <summary>The pack in force, or null before the first pack loaded.</summary>
    public RulePack? Current => Volatile.Read(ref _inForce)?.Pack;

    /// <summary>When the pack in force was swapped in.</summary>
    public DateTimeOffset? CurrentSince => Volatile.Read(ref _inForce)?.Since;

    /// <summary>The source being watched.</summary>
    public PackSource Source => _source;

    /// <summary>The options the watcher was made with.</summary>
    public PackWatcherOptions Options => _options;

    /// <summary>When the source was last listed successfully.</summary>
    public DateTimeOffset? LastCheck { get; private set; }

    /// <summary>The last failure to list the source, cleared by the next successful check.</summary>
    public PackCheckFailedEventArgs? LastCheckFailure { get; private set; }

    /// <summary>The last pack refused, if any.</summary>
    public PackRefusedEventArgs? LastRefusal { get; private set; }

    /// <summary>
    /// Evaluates a case with the pack in force at the moment of the call; the returned advice names
    /// that pack. Throws <see cref="InvalidOperationException"/> while no pack is loaded.
    /// </summary>
    public AdviceDocument Evaluate(Case @case)
    {
        var pack = Current ?? throw new InvalidOperationException($"no rule pack is loaded yet from {_source.Description}");
        return pack.Evaluate(@case);
    }

    /// <summary>Checks once (loading the first pack), then keeps checking in the background until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_loop is not null) throw new InvalidOperationException("the watcher is already started");
        await CheckNowAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Lists the source and switches to the newest pack the policy allows that is newer than the
    /// pack in force and loads, verifies and compiles. Returns the new pack, or null when the pack
    /// in force stays.
    /// </summary>
    public async Task<RulePack?> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        await _checking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<PackListing> listings;
            try
            {
                listings = await _source.ListAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failed = new PackCheckFailedEventArgs(_source.Description, e, _options.Time.GetUtcNow());
                LastCheckFailure = failed;
                _logger.LogWarning("CtoRules pack check of {Source} failed: {Error}", _source.Description, e.Message);
                Raise(CheckFailed, failed);
                return null;
            }
            LastCheck = _options.Time.GetUtcNow();
            LastCheckFailure = null;
            foreach (var listing in Candidates(listings))
            {
                var pack = await TryLoadAsync(listing, cancellationToken).ConfigureAwait(false);
                if (pack is not null) return pack;
            }
            return null;
        }
        finally
        {
            _checking.Release();
        }
    }

    /// <summary>Newer packs of the followed rule set, newest first; those outside the policy are refused here.</summary>
    private List<PackListing> Candidates(IReadOnlyList<PackListing> listings)
    {
        var current = Current;
        var id = current?.Manifest.Id ?? _options.RuleSetId;
        var currentVersion = current is null ? null : SemVersion.Parse(current.Manifest.Version, SemVersionStyles.Strict);
        var candidates = new List<(PackListing Listing, SemVersion? Version)>();
        foreach (var listing in listings)
        {
            if (id is not null && listing.RuleSetId is not null && listing.RuleSetId != id) continue;
            if (AlreadyRefused(listing)) continue;
            if (listing.Version is null || !SemVersion.TryParse(listing.Version, SemVersionStyles.Strict, out var version))
            {
                // Unreadable or unversioned: the load says precisely why; try it after the others.
                candidates.Add((listing, null));
                continue;
            }
            if (currentVersion is not null && version.ComparePrecedenceTo(currentVersion) <= 0) continue;
            if (_options.VersionPolicy.Refuses(version, currentVersion) is { } why)
            {
                Refuse(listing, PackRefusal.VersionPolicy, why, null);
                continue;
            }
            candidates.Add((listing, version));
        }
        return [.. candidates
            .OrderByDescending(c => c.Version is not null)
            .ThenByDescending(c => c.Version!, SemVersion.PrecedenceComparer)
            .Select(c => c.Listing)];
    }

    private async Task<RulePack?> TryLoadAsync(PackListing listing, CancellationToken cancellationToken)
    {
        RulePack pack;
        try
        {
            await using (var stream = await _source.OpenAsync(listing, cancellationToken).ConfigureAwait(false))
                pack = RulePack.Load(stream, _trust, listing.Location);
            _ = pack.Advisor; // compile now, off the evaluation path; a pack that does not compile is refused
        }
        catch (PackException e)
        {
            Refuse(listing, e switch
            {
                PackSignatureException => PackRefusal.Signature,
                UnsupportedPackFormatException => PackRefusal.UnsupportedFormat,
                PackContentException => PackRefusal.Content,
                _ => PackRefusal.Integrity,
            }, e.Reason, e);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException
                                      || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Refuse(listing, PackRefusal.Unreadable, e.Message, e);
            return null;
        }

        // The listing only ordered the packs; what counts is what the verified pack says.
        var m = pack.Manifest;
        if ((listing.Version is not null && listing.Version != m.Version) || (listing.RuleSetId is not null && listing.RuleSetId != m.Id))
        {
            Refuse(listing, PackRefusal.Integrity, $"the source lists {listing.RuleSetId} {listing.Version} but the pack is {m.Id} {m.Version}", null);
            return null;
        }
        var current = Current;
        var id = current?.Manifest.Id ?? _options.RuleSetId;
        if (id is not null && m.Id != id)
        {
            Refuse(listing, PackRefusal.Integrity, $"the pack is rule set {m.Id}, not {id}", null);
            return null;
        }
        var version = SemVersion.Parse(m.Version, SemVersionStyles.Strict);
        var currentVersion = current is null ? null : SemVersion.Parse(current.Manifest.Version, SemVersionStyles.Strict);
        if (currentVersion is not null && version.ComparePrecedenceTo(currentVersion) <= 0) return null;
        if (_options.VersionPolicy.Refuses(version, currentVersion) is { } why)
        {
            Refuse(listing, PackRefusal.VersionPolicy, why, null);
            return null;
        }

        var now = _options.Time.GetUtcNow();
        Volatile.Write(ref _inForce, new PackInForce(pack, now));
        _logger.LogInformation("CtoRules pack {Id} {Version} ({Digest}) is in force, from {Location}{Previous}",
            m.Id, m.Version, pack.Digest, listing.Location, current is null ? "" : $"; it replaces {current.Manifest.Version}");
        Raise(PackLoaded, new PackLoadedEventArgs(pack, current, now));
        return pack;
    }

    private bool AlreadyRefused(PackListing listing) =>
        _refused.TryGetValue(listing.Location, out var stamp) && stamp == listing.Stamp;

    private void Refuse(PackListing listing, PackRefusal reason, string message, Exception? exception)
    {
        // Remembered by location and stamp: refused once, and tried again only when the file changes.
        _refused[listing.Location] = listing.Stamp;
        var refused = new PackRefusedEventArgs(listing, reason, message, _options.Time.GetUtcNow(), exception);
        LastRefusal = refused;
        _logger.LogWarning("CtoRules pack {Listing} refused ({Reason}): {Message}; {Current} stays in force",
            listing.ToString(), reason, message, Current is { } c ? $"{c.Manifest.Id} {c.Manifest.Version}" : "no pack");
        Raise(PackRefused, refused);
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null) return;
        foreach (var h in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                h(this, args);
            }
            catch (Exception e)
            {
                // A failing subscriber must not stop the watcher or keep others from hearing.
                _logger.LogError(e, "a CtoRules pack watcher event handler failed");
            }
        }
    }

    private void OnSourceChanged(object? sender, EventArgs e) => _wake.Release();

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await _wake.WaitAsync(_options.Interval, stop).ConfigureAwait(false))
                {
                    await Task.Delay(_options.ChangeDelay, stop).ConfigureAwait(false);
                    while (_wake.CurrentCount > 0) await _wake.WaitAsync(stop).ConfigureAwait(false);
                }
                await CheckNowAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "CtoRules pack check failed unexpectedly; the watcher goes on");
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _source.Changed -= OnSourceChanged;
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _source.Dispose();
        _stop.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record PackInForce(RulePack Pack, DateTimeOffset Since);
}
