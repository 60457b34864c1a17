namespace CtoRules.Cases;

/// <summary>One problem with a case, located by its JSON path (<c>lesion.lengthMm</c>, <c>$</c> for the root).</summary>
public sealed record CaseError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
