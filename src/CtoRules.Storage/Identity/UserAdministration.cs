using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CtoRules.Storage.Identity;

/// <summary>Creating users, listing them, changing roles and passwords: the library calls behind
/// <c>ctorules user add</c> and the admin page.</summary>
public sealed class UserAdministration(UserManager<SiteUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Creates the four roles when missing.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    /// <summary>
    /// Creates a user with one role. Without a password a one-time password is generated, returned
    /// and must be changed at first sign-in.
    /// </summary>
    public async Task<UserCreated> AddAsync(string name, string role, string? password = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new UserAdministrationException("a user name is required");
        if (!Roles.IsKnown(role)) throw new UserAdministrationException($"unknown role '{role}'; expected one of {string.Join(", ", Roles.All)}");
        if (await users.FindByNameAsync(name) is not null) throw new UserAdministrationException($"user '{name}' already exists");
        await EnsureRolesAsync();
        // A generated password is kept in memory only to hand it back once; Identity stores its hash.
        var generated = password is null ? PasswordGenerator.Create() : null;
        var user = new SiteUser { UserName = name, MustChangePassword = generated is not null };
        Check(await users.CreateAsync(user, password ?? generated!), "password");
        Check(await users.AddToRoleAsync(user, role));
        return new UserCreated(name, role, generated);
    }

    /// <summary>Sets a new one-time password that must be changed at next sign-in, and returns it.</summary>
    public async Task<string> ResetPasswordAsync(string name)
    {
        var user = await users.FindByNameAsync(name) ?? throw new UserAdministrationException($"no user '{name}'");
        return await ResetAsync(user);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var list = new List<UserSummary>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            var userRoles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
            list.Add(new UserSummary(user.UserName!, [.. userRoles.Order()], locked, user.MustChangePassword));
        }
        return list;
    }

    /// <summary>Replaces a user's roles with exactly <paramref name="newRoles"/>.</summary>
    public async Task SetRolesAsync(string name, IReadOnlyCollection<string> newRoles)
    {
        foreach (var role in newRoles)
            if (!Roles.IsKnown(role)) throw new UserAdministrationException($"unknown role '{role}'");
        var user = await users.FindByNameAsync(name) ?? throw new UserAdministrationException($"no user '{name}'");
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(newRoles)));
        Check(await users.AddToRolesAsync(user, newRoles.Except(current)));
    }

    public async Task<bool> AnyUserAsync() => await users.Users.AnyAsync();

    private async Task<string> ResetAsync(SiteUser user)
    {
        var password = PasswordGenerator.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "password");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        return password;
    }

    private static void Check(IdentityResult result, string what = "user")
    {
        if (!result.Succeeded)
            throw new UserAdministrationException($"{what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
