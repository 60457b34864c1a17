using System.Security.Cryptography;
using System.Text;

namespace CtoRules.Authoring.Editing;

/// <summary>The hash an editor session remembers for the file it opened (SHA-256 of the UTF-8 text, hex).</summary>
public static class TextHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
