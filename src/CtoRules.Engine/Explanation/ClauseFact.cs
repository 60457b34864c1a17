namespace CtoRules.Engine.Explanation;

/// <summary>
/// A fact a clause read and its value for the case, as case@1 writes it (<c>severe</c>, <c>35</c>,
/// <c>true</c>); null when the case does not give it. Blocks read "given" or "not given", derived
/// facts "true", "false" or null.
/// </summary>
public sealed record ClauseFact(string Path, string? Value);
