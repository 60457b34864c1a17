using System.CommandLine;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules verify PACK [--public-key FILE]...</c>: checks the digest and, with public keys,
/// requires a valid signature by one of them. Exit 1 when the pack is refused, naming why.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var pack = new Argument<string>("pack") { Description = "A .ctopack.json file" };
        var keys = new Option<string[]>("--public-key") { Description = "A trusted public key PEM; with one or more, a valid signature by one of them is required" };
        var command = new Command("verify", "Verify a published pack: its digest and, with --public-key, its signature") { pack, keys };
        command.SetAction(parse =>
        {
            var trust = TrustFrom(parse.GetValue(keys), Console.Error);
            if (trust is null) return CliHost.InvalidInput;
            RulePack loaded;
            try
            {
                loaded = RulePack.Load(parse.GetValue(pack)!, trust);
            }
            catch (PackException e)
            {
                Console.Error.WriteLine($"ctorules: {Kind(e)}: {e.Message}");
                return CliHost.Failed;
            }
            var m = loaded.Manifest;
            Console.Out.WriteLine($"{loaded.File}: {m.Id} {m.Version}, {m.RuleCount} rules, engine format {m.EngineFormatVersion}, created {m.Created:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            Console.Out.WriteLine($"  digest    {loaded.Digest} (verified)");
            Console.Out.WriteLine(loaded.SignatureVerifiedBy is { } k ? $"  signature verified with trusted key {k}"
                // Not checked: the key id in the pack is only a claim, so it is not shown as a signer.
                : loaded.Signature is not null ? "  signature present but NOT verified (it names no trusted signer): give --public-key to verify it"
                : "  signature none");
            if (m.Changelog is { } c) foreach (var change in c.Changes) Console.Out.WriteLine($"  changelog {change}");
            if (m.Forced is { } f) Console.Out.WriteLine($"  forced    below the suggested {f.SuggestedBump} bump ({f.SuggestedVersion}): {f.Reason}");
            return CliHost.Ok;
        });
        return command;
    }

    /// <summary>Digest-only without keys; a required signature with them. Null (message printed) when a key cannot be read.</summary>
    public static PackTrust? TrustFrom(string[]? publicKeys, TextWriter error)
    {
        if (publicKeys is null || publicKeys.Length == 0) return PackTrust.DigestOnly;
        try
        {
            return PackTrust.SignedByKeyFiles(publicKeys);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine($"ctorules: cannot use the public key: {e.Message.Replace(" (Parameter 'pem')", "")}");
            return null;
        }
    }

    public static string Kind(PackException e) => e switch
    {
        PackNotFoundException => "pack not found",
        PackIntegrityException => "pack refused (integrity)",
        PackSignatureException => "pack refused (signature)",
        UnsupportedPackFormatException => "pack refused (unsupported format)",
        _ => "pack refused",
    };
}
