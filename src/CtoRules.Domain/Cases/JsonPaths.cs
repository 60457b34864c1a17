namespace CtoRules.Cases;

/// <summary>
/// The JSON path of a property, as case errors print it: <c>lesion.lengthMm</c> for plain names,
/// JSONPath's bracket form for any other name (<c>$['']</c>, <c>lesion['a.b']</c>), so that an
/// empty, dotted or odd property name still gets a path that names it. Long names are cut.
/// </summary>
internal static class JsonPaths
{
    private const int MaxNameLength = 64;

    public static string Child(string parent, string name)
    {
        if (IsPlain(name)) return parent == "$" ? name : parent + "." + name;
        var shown = name.Length <= MaxNameLength ? name : name[..(char.IsHighSurrogate(name[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)] + "…";
        return $"{parent}['{shown.Replace("\\", "\\\\").Replace("'", "\\'")}']";
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@')) return false;
        return true;
    }
}
