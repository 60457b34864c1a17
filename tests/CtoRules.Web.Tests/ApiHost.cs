using CtoRules.Audit.Keys;
using CtoRules.Audit.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests;

/// <summary>The real host in memory (WebApplicationFactory) on a real database: its own data folder, the repository's packs.</summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly TestDatabase _db;
    private readonly int _permits;
    private readonly Action<IWebHostBuilder>? _configure;

    public ApiHost(TestDatabase db, int permitsPerMinute = 1000, Action<IWebHostBuilder>? configure = null)
    {
        _db = db;
        _permits = permitsPerMinute;
        _configure = configure;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", Path.Combine(_db.Folder, "data"));
        builder.UseSetting("Database:Provider", _db.Options.Provider);
        builder.UseSetting("ConnectionStrings:CtoRules", _db.Options.ConnectionString);
        builder.UseSetting("Api:RateLimit:PermitLimit", _permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Api:RateLimit:WindowSeconds", "60");
        _configure?.Invoke(builder);
    }

    public async Task<string> CreateKeyAsync(string name, params string[] scopes) =>
        (await Services.GetRequiredService<ApiKeyStore>().CreateAsync(name, scopes)).Secret;

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
