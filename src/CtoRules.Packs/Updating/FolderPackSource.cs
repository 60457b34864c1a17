using System.Globalization;
using System.Text.Json;

namespace CtoRules.Packs.Updating;

/// <summary>
/// Packs in one folder, as <c>ctorules publish</c> writes them (<c>&lt;id&gt;-&lt;version&gt;.ctopack.json</c>,
/// written to a temporary file and renamed, so a half-written pack is never listed).
/// </summary>
internal sealed class FolderPackSource : PackSource
{
    private readonly string _folder;
    private readonly FileSystemWatcher? _watcher;

    public FolderPackSource(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        if (!Directory.Exists(_folder)) throw new DirectoryNotFoundException($"the pack folder {_folder} does not exist");
        try
        {
            _watcher = new FileSystemWatcher(_folder, "*" + PackFormat.Extension)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Created += (_, _) => OnChanged();
            _watcher.Changed += (_, _) => OnChanged();
            _watcher.Renamed += (_, _) => OnChanged();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
        {
            // Some file systems (network shares, containers without inotify slots) cannot be
            // watched; the watcher's interval still finds new packs.
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    public override string Description => "folder " + _folder;

    public override Task<IReadOnlyList<PackListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var listings = new List<PackListing>();
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + PackFormat.Extension).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (!info.Exists) continue;
            var stamp = string.Create(CultureInfo.InvariantCulture, $"{info.Length}@{info.LastWriteTimeUtc.Ticks}");
            var (id, version) = ReadManifest(path);
            listings.Add(new PackListing(id, version, path, stamp));
        }
        return Task.FromResult<IReadOnlyList<PackListing>>(listings);
    }

    public override Task<Stream> OpenAsync(PackListing listing, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(File.OpenRead(listing.Location));

    /// <summary>The manifest's id and version, only to order the packs; null when unreadable (the load then says why).</summary>
    private static (string? Id, string? Version) ReadManifest(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > PackFormat.MaxPackBytes) return (null, null);
            using var doc = JsonDocument.Parse(stream);
            if (!doc.RootElement.TryGetProperty("manifest", out var m) || m.ValueKind != JsonValueKind.Object) return (null, null);
            return (Text(m, "id"), Text(m, "version"));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _watcher?.Dispose();
    }
}
