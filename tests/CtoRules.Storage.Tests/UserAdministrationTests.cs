using CtoRules.Storage.Identity;

namespace CtoRules.Storage.Tests;

/// <summary>First-run admin and user creation through the same call as the CLI, on a real SQLite file.</summary>
public class UserAdministrationTests
{
    [Fact]
    public async Task A_generated_password_is_returned_once_and_must_be_changed_a_given_one_need_not()
    {
        await using var kit = await StoreKit.CreateAsync();
        var generated = await OfflineUsers.AddAsync(kit.Settings, "ann", Roles.Author, null);
        generated.OneTimePassword.Should().NotBeNullOrEmpty().And.HaveLength(20);
        var given = await OfflineUsers.AddAsync(kit.Settings, "bob", Roles.Auditor, "Bobs-Password-1234");
        given.OneTimePassword.Should().BeNull();

        var users = kit.Db.Users.ToDictionary(u => u.UserName!);
        users["ann"].MustChangePassword.Should().BeTrue();
        users["bob"].MustChangePassword.Should().BeFalse();
        users["ann"].PasswordHash.Should().NotContain(generated.OneTimePassword!);
    }

    [Fact]
    public async Task An_unknown_role_or_an_existing_name_is_a_clear_error()
    {
        await using var kit = await StoreKit.CreateAsync();
        await OfflineUsers.AddAsync(kit.Settings, "ann", Roles.Author, null);
        var existing = () => OfflineUsers.AddAsync(kit.Settings, "ann", Roles.Author, null);
        await existing.Should().ThrowAsync<UserAdministrationException>().WithMessage("*already exists*");
        var unknown = () => OfflineUsers.AddAsync(kit.Settings, "cy", "boss", null);
        await unknown.Should().ThrowAsync<UserAdministrationException>().WithMessage("*unknown role 'boss'*");
    }
}
