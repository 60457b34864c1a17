using System.CommandLine;
using CtoRules.Audit.Keys;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules apikey create --name APP --scope evaluate|read</c> (prints the key once),
/// <c>ctorules apikey list</c>, <c>ctorules apikey revoke NAME</c>. Exit 2 for a refused request.
/// </summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var name = new Option<string>("--name") { Description = "The downstream app's name (unique, no spaces)", Required = true };
        var scope = new Option<string[]>("--scope") { Description = "evaluate and/or read (repeat or separate with commas)", Required = true, AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Create a key; it is shown once and stored only as a hash") { name, scope };
        db.AddTo(create);
        create.SetAction(async (parse, cancel) => await Run(async () =>
        {
            var keys = new ApiKeyStore(await db.OpenAsync(parse));
            var scopes = parse.GetValue(scope)!.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var created = await keys.CreateAsync(parse.GetValue(name)!, scopes, cancel);
            Console.Out.WriteLine($"Created API key '{created.Key.Name}' with scope(s) {created.Key.Scopes.Replace(' ', ',')}.");
            Console.Out.WriteLine("Copy it now; it is not shown again:");
            Console.Out.WriteLine(created.Secret);
        }));

        var list = new Command("list", "List the keys: name, prefix, scopes, created, last used, revoked");
        db.AddTo(list);
        list.SetAction(async (parse, cancel) => await Run(async () =>
        {
            var keys = await new ApiKeyStore(await db.OpenAsync(parse)).ListAsync(cancel);
            if (keys.Count == 0) { Console.Out.WriteLine("no API keys"); return; }
            Console.Out.WriteLine($"{"NAME",-20} {"PREFIX",-12} {"SCOPES",-15} {"CREATED",-20} {"LAST USED",-20} REVOKED");
            foreach (var k in keys)
                Console.Out.WriteLine($"{k.Name,-20} {k.Prefix,-12} {k.Scopes.Replace(' ', ','),-15} {Time(k.CreatedAt),-20} {Time(k.LastUsedAt),-20} {Time(k.RevokedAt)}");
        }));

        var revokeName = new Argument<string>("name") { Description = "The key's name" };
        var revoke = new Command("revoke", "Revoke a key: it is refused from now on") { revokeName };
        db.AddTo(revoke);
        revoke.SetAction(async (parse, cancel) => await Run(async () =>
        {
            var key = await new ApiKeyStore(await db.OpenAsync(parse)).RevokeAsync(parse.GetValue(revokeName)!, cancel);
            Console.Out.WriteLine($"Revoked API key '{key.Name}' ({Time(key.RevokedAt)}).");
        }));

        return new Command("apikey", "API keys for downstream apps (HTTP API v1)") { create, list, revoke };
    }

    private static string Time(DateTime? t) => t is null ? "-" : t.Value.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> Run(Func<Task> action)
    {
        try
        {
            await action();
            return CliHost.Ok;
        }
        catch (ApiKeyException e)
        {
            Console.Error.WriteLine($"ctorules: {e.Message}");
            return CliHost.InvalidInput;
        }
    }
}
