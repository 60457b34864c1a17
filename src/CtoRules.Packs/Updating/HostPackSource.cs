using System.Text.Json;

namespace CtoRules.Packs.Updating;

/// <summary>
/// A CtoRules host's pack API: <c>GET api/v1/packs</c> lists the published packs (a JSON array,
/// or an object holding one under <c>packs</c> or <c>items</c>; each item has <c>version</c> and
/// may have <c>id</c> and <c>digest</c>), and <c>GET api/v1/packs/{version}</c> returns the signed
/// pack file.
/// </summary>
internal sealed class HostPackSource : PackSource
{
    private readonly Uri _base;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;

    public HostPackSource(Uri baseAddress, HttpClient? client)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("the host address must be absolute", nameof(baseAddress));
        // A base without a trailing slash would drop its last segment when the paths are joined.
        _base = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _ownsClient = client is null;
        _client = client ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public override string Description => "host " + _base.AbsoluteUri;

    public override async Task<IReadOnlyList<PackListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new Uri(_base, "api/v1/packs");
        using var response = await _client.GetAsync(list, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {list} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(bytes);
        var items = doc.RootElement.ValueKind switch
        {
            JsonValueKind.Array => doc.RootElement,
            JsonValueKind.Object when doc.RootElement.TryGetProperty("packs", out var p) && p.ValueKind == JsonValueKind.Array => p,
            JsonValueKind.Object when doc.RootElement.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array => i,
            _ => throw new JsonException($"GET {list} did not answer a list of packs"),
        };
        var listings = new List<PackListing>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var version = Text(item, "version");
            if (version is null) continue;
            var id = Text(item, "id") ?? Text(item, "ruleSetId");
            var location = new Uri(_base, "api/v1/packs/" + Uri.EscapeDataString(version)).AbsoluteUri;
            // Published packs are immutable: the version (and digest, when given) identifies the file.
            listings.Add(new PackListing(id, version, location, Text(item, "digest") ?? version));
        }
        return listings;
    }

    public override async Task<Stream> OpenAsync(PackListing listing, CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync(new Uri(listing.Location), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {listing.Location} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        if (response.Content.Headers.ContentLength > PackFormat.MaxPackBytes)
            throw new PackIntegrityException(listing.Location, $"the pack is larger than {PackFormat.MaxPackBytes / (1024 * 1024)} MiB");
        var buffer = new MemoryStream();
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            // A pack is untrusted input: stop reading past the limit even when no length was sent.
            var chunk = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > PackFormat.MaxPackBytes)
                    throw new PackIntegrityException(listing.Location, $"the pack is larger than {PackFormat.MaxPackBytes / (1024 * 1024)} MiB");
            }
        }
        buffer.Position = 0;
        return buffer;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsClient) _client.Dispose();
    }
}
