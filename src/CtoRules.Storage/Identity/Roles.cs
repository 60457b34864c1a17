namespace CtoRules.Storage.Identity;

/// <summary>The site's roles. Names are shared with the policies in CtoRules.Web.Security.Policies.</summary>
public static class Roles
{
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Author, Reviewer, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
