namespace CtoRules.Packs.Updating;

/// <summary>
/// Where a <see cref="PackWatcher"/> looks for published packs: a folder
/// (<see cref="FromFolder"/>) or a CtoRules host's <c>/api/v1/packs</c> (<see cref="FromHost"/>).
/// A source only lists and opens packs; verification, the version policy and the swap are the
/// watcher's.
/// </summary>
public abstract class PackSource : IDisposable
{
    /// <summary>A human-readable name of the source for logs and health reports.</summary>
    public abstract string Description { get; }

    /// <summary>Raised when the source knows its packs changed (a file appeared); the watcher then checks at once instead of waiting for its interval.</summary>
    public event EventHandler? Changed;

    /// <summary>The packs the source offers now.</summary>
    public abstract Task<IReadOnlyList<PackListing>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a listed pack for reading; the caller disposes the stream.</summary>
    public abstract Task<Stream> OpenAsync(PackListing listing, CancellationToken cancellationToken = default);

    /// <summary>Packs (<c>*.ctopack.json</c>) in a folder; a file-system watcher signals new files.</summary>
    public static PackSource FromFolder(string folder) => new FolderPackSource(folder);

    /// <summary>
    /// A CtoRules host: <c>GET {baseAddress}api/v1/packs</c> lists the published packs and
    /// <c>GET {baseAddress}api/v1/packs/{version}</c> returns one signed pack file.
    /// Pass your own <paramref name="client"/> to set timeouts or authentication; it is not disposed.
    /// </summary>
    public static PackSource FromHost(Uri baseAddress, HttpClient? client = null) => new HostPackSource(baseAddress, client);

    /// <summary>Raises <see cref="Changed"/>.</summary>
    protected void OnChanged() => Changed?.Invoke(this, EventArgs.Empty);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the source's watcher or HTTP client.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
