namespace CtoRules.Reviews.Workflow;

/// <summary>The signed-in user taking a step, with the roles the server gave them.</summary>
public sealed record ReviewActor(string UserName, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool Is(string userName) => string.Equals(UserName, userName, StringComparison.OrdinalIgnoreCase);
}
