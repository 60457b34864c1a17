namespace CtoRules.Packs.Updating;

/// <summary>A <see cref="PackWatcher"/> could not list its source (host down, folder gone); the pack in force stays.</summary>
public sealed class PackCheckFailedEventArgs(string source, Exception exception, DateTimeOffset at) : EventArgs
{
    /// <summary>The source's description.</summary>
    public string Source { get; } = source;

    /// <summary>What went wrong.</summary>
    public Exception Exception { get; } = exception;

    /// <summary>When the check failed.</summary>
    public DateTimeOffset At { get; } = at;
}
