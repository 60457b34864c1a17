namespace CtoRules.Packs.Updating;

/// <summary>A <see cref="PackWatcher"/> refused a pack; the pack in force stays.</summary>
public sealed class PackRefusedEventArgs(PackListing listing, PackRefusal reason, string message, DateTimeOffset at, Exception? exception = null) : EventArgs
{
    /// <summary>The pack as the source listed it.</summary>
    public PackListing Listing { get; } = listing;

    /// <summary>The kind of refusal.</summary>
    public PackRefusal Reason { get; } = reason;

    /// <summary>Why, in words (the loader's reason, or the version policy's).</summary>
    public string Message { get; } = message;

    /// <summary>When it was refused.</summary>
    public DateTimeOffset At { get; } = at;

    /// <summary>The loader's exception, when there was one (a <see cref="PackException"/> or an I/O error).</summary>
    public Exception? Exception { get; } = exception;

    /// <inheritdoc/>
    public override string ToString() => $"refused {Listing}: {Reason}: {Message}";
}
