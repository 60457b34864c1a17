using System.CommandLine;
using CtoRules.Packs.Signing;

namespace CtoRules.Cli.Commands;

/// <summary>
/// <c>ctorules keygen --out FILE</c>: a new ECDSA P-256 key pair: FILE (PKCS#8 private key, owner
/// read/write only) and FILE's name with <c>.pub.pem</c> (the public key to give downstream apps).
/// Never overwrites.
/// </summary>
public static class KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The private key file to write (the public key goes beside it as .pub.pem)", Required = true };
        var command = new Command("keygen", "Make an ECDSA P-256 key pair for signing packs") { output };
        command.SetAction(parse =>
        {
            var privatePath = parse.GetValue(output)!;
            var publicPath = PublicPath(privatePath);
            foreach (var p in new[] { privatePath, publicPath })
                if (File.Exists(p))
                {
                    Console.Error.WriteLine($"ctorules: {p} already exists; keys are never overwritten");
                    return CliHost.InvalidInput;
                }
            using var key = PackKeys.Create();
            var dir = Path.GetDirectoryName(Path.GetFullPath(privatePath))!;
            Directory.CreateDirectory(dir);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(privatePath, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(PackKeys.ExportPrivatePem(key));
            File.WriteAllText(publicPath, PackKeys.ExportPublicPem(key));
            Console.Out.WriteLine($"private key {privatePath} (keep it secret; never commit it)");
            Console.Out.WriteLine($"public key  {publicPath}");
            Console.Out.WriteLine($"key id      {PackKeys.KeyId(key)}");
            return CliHost.Ok;
        });
        return command;
    }

    /// <summary><c>x.pem</c> → <c>x.pub.pem</c>; any other name gets <c>.pub.pem</c> appended.</summary>
    public static string PublicPath(string privatePath) =>
        privatePath.EndsWith(".pem", StringComparison.Ordinal) ? privatePath[..^4] + ".pub.pem" : privatePath + ".pub.pem";
}
