using CtoRules.Audit.Chain;
using CtoRules.Audit.Checkpoints;
using CtoRules.Audit.Keys;
using CtoRules.Audit.Replay;
using CtoRules.Audit.Search;
using CtoRules.Audit.Storage;
using CtoRules.Storage;

namespace CtoRules.Web.Hosting;

/// <summary>
/// The audit trail and API keys on the site's database (same provider and connection string,
/// tables of their own), the published packs of <c>packs/</c>, and the host's checkpoint key
/// (<c>Audit:KeyPath</c>, default <c>data/audit-key.pem</c>, created on first use).
/// </summary>
public static class AuditHosting
{
    public static WebApplicationBuilder AddAuditTrail(this WebApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        var options = new AuditStoreOptions(settings.Provider == DatabaseProvider.Postgres ? AuditStoreOptions.Postgres : AuditStoreOptions.Sqlite, settings.ConnectionString);
        var keyPath = builder.Configuration["Audit:KeyPath"] is { Length: > 0 } k ? Path.GetFullPath(k) : Path.Combine(settings.DataDirectory, "audit-key.pem");
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton<AuditStore>();
        s.AddSingleton<IAuditTrail, AuditTrail>();
        s.AddSingleton<ChainVerifier>();
        s.AddSingleton<AuditSearch>();
        s.AddSingleton<ApiKeyStore>();
        s.AddSingleton(new PackLibrary(settings.PacksDirectory));
        s.AddSingleton<AuditReplayer>();
        s.AddSingleton(sp => new CheckpointService(sp.GetRequiredService<AuditStore>(), HostKey.LoadOrCreate(keyPath)));
        var every = builder.Configuration["Audit:CheckpointEvery"] is { Length: > 0 } e ? TimeSpan.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.FromHours(1);
        var folder = builder.Configuration["Audit:CheckpointFolder"] is { Length: > 0 } f ? Path.GetFullPath(f) : Path.Combine(settings.DataDirectory, "checkpoints");
        s.AddSingleton(new CheckpointScheduleOptions(every, folder));
        s.AddSingleton<CheckpointSchedule>();
        s.AddHostedService(sp => sp.GetRequiredService<CheckpointSchedule>());
        return builder;
    }

    /// <summary>Creates or upgrades the audit tables (after the site's own migrations).</summary>
    public static async Task PrepareAuditAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<AuditStore>().MigrateAsync();
}
