using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtoRules.Storage.Identity;

/// <summary>
/// User administration without the web host, for the CLI: the same Identity stores, password rules
/// and migrations as the site, on the same database.
/// </summary>
public static class OfflineUsers
{
    public static async Task<UserCreated> AddAsync(StorageSettings settings, string name, string role, string? password)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddAuthoringStorage(settings);
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        await AuthoringDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AuthoringDbContext>(), settings);
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(name, role, password);
    }
}
