namespace CtoRules.Cases;

/// <summary>The case id pattern <c>^[A-Za-z0-9._-]{1,64}$</c>.</summary>
public static class IdPattern
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength) return false;
        foreach (var c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        return true;
    }

    /// <summary>
    /// Why <paramref name="id"/> is not valid, worded for the author of the case. Shared by the
    /// reader and <see cref="CaseBuilder"/> so both report an id the same way.
    /// </summary>
    public static string Describe(string id) =>
        id.Length > MaxLength
            ? $"an id of {id.Length} characters is too long; use 1–{MaxLength} characters of A-Z a-z 0-9 . _ -"
            : $"'{id}' is not a valid id; use 1–{MaxLength} characters of A-Z a-z 0-9 . _ -";
}
