using CtoRules.CdsHooks.Feedback;
using CtoRules.CdsHooks.Mapping;
using CtoRules.CdsHooks.Prefetch;
using CtoRules.CdsHooks.Security;
using CtoRules.CdsHooks.Services;
using CtoRules.Storage;

namespace CtoRules.Web.Hosting;

/// <summary>Registers the CDS Hooks service (library CtoRules.CdsHooks) in the host.</summary>
public static class CdsHooksHosting
{
    public static WebApplicationBuilder AddCdsHooks(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CdsHooksOptions.Section).Get<CdsHooksOptions>() ?? new CdsHooksOptions();
        // The unauthenticated switch exists for a developer's machine only.
        if (options.AllowUnauthenticated && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException("CdsHooks:AllowUnauthenticated is allowed in the Development environment only");
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(FhirMappingTable.Default);
        s.AddHttpClient(nameof(CdsHooks));
        s.AddSingleton(sp => new PrefetchResolver(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(CdsHooks))));
        s.AddSingleton<CdsHookService>();
        s.AddSingleton<JtiReplayCache>();
        s.AddSingleton(sp => new CdsJwtVerifier(options, sp.GetRequiredService<JtiReplayCache>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(CdsHooks)), sp.GetRequiredService<TimeProvider>()));
        // The same database as the site's and audit's contexts: the site's storage settings.
        s.AddScoped(sp =>
        {
            var storage = sp.GetRequiredService<StorageSettings>();
            var provider = storage.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
            if (storage.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(storage.DataDirectory);
            return new CdsFeedbackStore(CdsFeedbackDatabase.Open(provider, storage.ConnectionString), sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
