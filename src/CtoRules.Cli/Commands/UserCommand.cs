using System.CommandLine;
using CtoRules.Storage;
using CtoRules.Storage.Identity;
using Microsoft.Extensions.Configuration;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules user add NAME --role R [--password-stdin]</c>: creates a site user in the site's
/// database (default <c>data/ctorules.db</c> under the repository root). Without
/// <c>--password-stdin</c> a one-time password is generated and printed once; the user must change
/// it at first sign-in. With it, the password is the first line of standard input.
/// </summary>
public static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name" };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}", Required = true };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating a one-time password" };
        var data = new Option<string?>("--data") { Description = "The site's data folder (default: data/ under the repository root)" };
        var add = new Command("add", "Add a user with one role") { name, role, stdin, data };
        add.SetAction(async (parse, cancel) =>
        {
            string? password = null;
            if (parse.GetValue(stdin))
            {
                password = (await Console.In.ReadLineAsync(cancel))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    Console.Error.WriteLine("ctorules: --password-stdin given but standard input has no password");
                    return CliHost.InvalidInput;
                }
            }
            // Same settings as the site: ConnectionStrings__CtoRules and Database__Provider from the environment.
            var config = new ConfigurationBuilder().AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["data"] = parse.GetValue(data) }).Build();
            try
            {
                var created = await OfflineUsers.AddAsync(StorageSettings.From(config), parse.GetValue(name)!, parse.GetValue(role)!, password);
                Console.Out.WriteLine($"user {created.Name} added with role {created.Role}");
                if (created.OneTimePassword is not null)
                    Console.Out.WriteLine($"one-time password: {created.OneTimePassword} (must be changed at first sign-in)");
                return CliHost.Ok;
            }
            catch (UserAdministrationException e)
            {
                Console.Error.WriteLine($"ctorules: {e.Message}");
                return CliHost.InvalidInput;
            }
        });
        return new Command("user", "Manage the authoring site's users") { add };
    }
}
