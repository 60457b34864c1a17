namespace CtoRules.Storage.Identity;

/// <summary>
/// First run with no users: creates the roles and an <c>admin</c> account with a one-time password
/// that must be changed at first sign-in (as Jenkins and Grafana do). Returns the password so the
/// host can print it once on its console; it is never logged or stored in clear.
/// </summary>
public sealed class FirstRun(UserAdministration administration)
{
    public const string AdminName = "admin";

    public async Task<string?> EnsureAdminAsync()
    {
        await administration.EnsureRolesAsync();
        if (await administration.AnyUserAsync()) return null;
        var created = await administration.AddAsync(AdminName, Roles.Admin);
        return created.OneTimePassword;
    }
}
