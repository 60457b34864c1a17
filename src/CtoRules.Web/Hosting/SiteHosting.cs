using CtoRules.Web.Components;
using MudBlazor.Services;

namespace CtoRules.Web.Hosting;

/// <summary>The Blazor site: Razor components with interactive server rendering and MudBlazor.</summary>
public static class SiteHosting
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // Serve the packages' static files (MudBlazor, BlazorMonaco) in every environment when the
        // host runs from its build output, as `dotnet run` does, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // The form token's cookie: HttpOnly, SameSite=Strict, Secure whenever the site is served over HTTPS.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        return app;
    }
}
