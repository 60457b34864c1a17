using System.Security.Cryptography;
using CtoRules.Packs.Signing;

namespace CtoRules.Audit.Checkpoints;

/// <summary>
/// The host's checkpoint signing key: an EC P-256 key in a PKCS#8 PEM file (<c>Audit:KeyPath</c>,
/// default <c>data/audit-key.pem</c>), created on first use with owner-only permissions. It lives in
/// the git-ignored data folder, never in the repository.
/// </summary>
public static class HostKey
{
    public static ECDsa LoadOrCreate(string path)
    {
        if (File.Exists(path)) return PackKeys.ImportPrivatePem(File.ReadAllText(path));
        var key = PackKeys.Create();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(PackKeys.ExportPrivatePem(key));
        try
        {
            // Two processes may race to create it: the first one wins, the other reads the winner's key.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            key.Dispose();
            return PackKeys.ImportPrivatePem(File.ReadAllText(path));
        }
        return key;
    }
}
