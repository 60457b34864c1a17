using CtoRules.Packs.Signing;

namespace CtoRules.Packs.Updating;

/// <summary>How a <see cref="PackWatcher"/> finds, trusts and chooses packs.</summary>
public sealed record PackWatcherOptions
{
    /// <summary>
    /// The publishers' public keys. Required: a watcher loads only packs signed by one of them
    /// (pin them in your app, never next to the packs you download).
    /// </summary>
    public required IReadOnlyList<PackPublicKey> TrustedKeys { get; init; }

    /// <summary>Which newer versions to switch to; by default, the major version of the first pack loaded.</summary>
    public PackVersionPolicy VersionPolicy { get; init; } = PackVersionPolicy.SameMajor();

    /// <summary>The rule set to follow; null follows the id of the first pack loaded.</summary>
    public string? RuleSetId { get; init; }

    /// <summary>How often the source is checked; a folder's file-system events also trigger a check.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait after a file-system event before checking, so a burst of events makes one check.</summary>
    public TimeSpan ChangeDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The clock for load times and ages (tests give a fixed one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
