namespace CtoRules.CdsHooks.Services;

/// <summary>A request that is not a valid CDS Hooks call; <see cref="Path"/> is the JSON path at fault.</summary>
public sealed class CdsRequestException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Problem { get; } = message;
}
