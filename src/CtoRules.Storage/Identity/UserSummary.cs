namespace CtoRules.Storage.Identity;

/// <summary>A row of the admin's user list.</summary>
public sealed record UserSummary(string Name, IReadOnlyList<string> Roles, bool LockedOut, bool MustChangePassword);
