using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CtoRules.Packs.Tests.Updating;

/// <summary>
/// A small real Kestrel server with the shape of a CtoRules host's pack API: <c>GET /api/v1/packs</c>
/// lists the packs of a folder, <c>GET /api/v1/packs/{version}</c> returns the file. It listens on
/// a free loopback port and can be switched to answer 503.
/// </summary>
public sealed class PackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PackHost(WebApplication app) => _app = app;

    public bool Down { get; set; }

    public Uri Address => new(_app.Urls.First());

    public static async Task<PackHost> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new PackHost(app);
        app.MapGet("/api/v1/packs", () =>
        {
            if (host.Down) return Results.StatusCode(503);
            var list = new JsonArray();
            foreach (var file in Directory.EnumerateFiles(folder, "*" + PackFormat.Extension))
            {
                var pack = JsonNode.Parse(File.ReadAllText(file))!;
                list.Add(new JsonObject { ["id"] = pack["manifest"]!["id"]!.GetValue<string>(), ["version"] = pack["manifest"]!["version"]!.GetValue<string>(), ["digest"] = pack["digest"]!.GetValue<string>() });
            }
            return Results.Text(list.ToJsonString(), "application/json");
        });
        app.MapGet("/api/v1/packs/{version}", (string version) =>
        {
            if (host.Down) return Results.StatusCode(503);
            var file = Directory.EnumerateFiles(folder, "*" + PackFormat.Extension)
                .FirstOrDefault(f => JsonNode.Parse(File.ReadAllText(f))!["manifest"]!["version"]!.GetValue<string>() == version);
            return file is null ? Results.NotFound() : Results.File(File.ReadAllBytes(file), "application/json");
        });
        await app.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
