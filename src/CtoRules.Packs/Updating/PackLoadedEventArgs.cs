namespace CtoRules.Packs.Updating;

/// <summary>A <see cref="PackWatcher"/> switched to a new pack.</summary>
public sealed class PackLoadedEventArgs(RulePack pack, RulePack? previous, DateTimeOffset loadedAt) : EventArgs
{
    /// <summary>The pack now in force, verified and compiled.</summary>
    public RulePack Pack { get; } = pack;

    /// <summary>The pack it replaced; evaluations already running on it finish on it. Null at the first load.</summary>
    public RulePack? Previous { get; } = previous;

    /// <summary>When the swap happened.</summary>
    public DateTimeOffset LoadedAt { get; } = loadedAt;
}
