using CtoRules.Storage;
using CtoRules.Storage.Identity;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CtoRules.Web.Hosting;

/// <summary>Accounts: Identity on the site's database, the sign-in cookie, the policies and the first-run admin.</summary>
public static class IdentityHosting
{
    public static WebApplicationBuilder AddSiteIdentity(this WebApplicationBuilder builder)
    {
        var settings = StorageSettings.From(builder.Configuration);
        // Cookie keys live beside the database so a restart keeps users signed in and test hosts stay apart.
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")))
            .SetApplicationName("CtoRules");
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddAuthoringStorage(settings)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SiteClaimsFactory>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "ctorules.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS (behind a TLS proxy, forward the scheme).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication UseSiteIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ChangePasswordGate>();
        return app;
    }

    /// <summary>
    /// Applies migrations, then on a database without users creates <c>admin</c> and prints its
    /// one-time password on the console only (not through logging, so it reaches no log sink).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<StorageSettings>();
        await AuthoringDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AuthoringDbContext>(), settings);
        var password = await scope.ServiceProvider.GetRequiredService<FirstRun>().EnsureAdminAsync();
        if (password is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"First run: sign in as '{FirstRun.AdminName}' with the one-time password: {password}");
            Console.WriteLine("You must change it at first sign-in.");
            Console.WriteLine();
        }
    }
}
