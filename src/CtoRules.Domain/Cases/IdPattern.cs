namespace CtoRules.Cases;

/// <summary>The case id pattern <c>^[A-Za-z0-9._-]{1,64}$</c>.</summary>
public static class IdPattern
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64) return false;
        foreach (var c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        return true;
    }
}
