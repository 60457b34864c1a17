using CtoRules.Storage.Identity;
using CtoRules.Storage.Revisions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Storage;

/// <summary>Registers the database and Identity's user/role stores; shared by the web host and the CLI.</summary>
public static class StorageServices
{
    public static IdentityBuilder AddAuthoringStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresAuthoringDbContext>(o => o.UseNpgsql(settings.ConnectionString));
            services.AddScoped<AuthoringDbContext>(sp => sp.GetRequiredService<PostgresAuthoringDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteAuthoringDbContext>(o => o.UseSqlite(settings.ConnectionString));
            services.AddScoped<AuthoringDbContext>(sp => sp.GetRequiredService<SqliteAuthoringDbContext>());
        }
        services.AddScoped<UserAdministration>();
        services.AddScoped<FirstRun>();
        services.AddScoped<RevisionLog>();

        return services.AddIdentityCore<SiteUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthoringDbContext>()
            .AddDefaultTokenProviders();
    }

    /// <summary>Password and lockout rules; one place so the CLI and the site agree.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireDigit = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
