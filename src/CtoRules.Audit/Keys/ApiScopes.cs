namespace CtoRules.Audit.Keys;

/// <summary>What an API key may do: <c>evaluate</c> cases, <c>read</c> packs, rules, references and schemas.</summary>
public static class ApiScopes
{
    public const string Evaluate = "evaluate";
    public const string Read = "read";

    public static IReadOnlyList<string> All { get; } = [Evaluate, Read];
}
