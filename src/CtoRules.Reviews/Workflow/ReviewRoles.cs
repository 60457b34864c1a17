namespace CtoRules.Reviews.Workflow;

/// <summary>
/// The role names the workflow checks. They are the values of <c>CtoRules.Storage.Identity.Roles</c>
/// (the site's Identity roles); the library does not depend on the site's storage.
/// </summary>
public static class ReviewRoles
{
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";
}
