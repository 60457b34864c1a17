using CtoRules.Storage.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CtoRules.Web.Security;

/// <summary>The site's authorization policies; pages and actions name these, never roles directly.</summary>
public static class Policies
{
    public const string CanEdit = nameof(CanEdit);
    public const string CanReview = nameof(CanReview);
    public const string CanAudit = nameof(CanAudit);
    public const string CanAdmin = nameof(CanAdmin);
    public const string SignedIn = nameof(SignedIn);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CanEdit, p => Signed(p).RequireRole(Roles.Author));
        options.AddPolicy(CanReview, p => Signed(p).RequireRole(Roles.Reviewer));
        options.AddPolicy(CanAudit, p => Signed(p).RequireRole(Roles.Auditor, Roles.Admin));
        options.AddPolicy(CanAdmin, p => Signed(p).RequireRole(Roles.Admin));
        options.AddPolicy(SignedIn, p => Signed(p));
    }

    // A user who still has a one-time password may do nothing but change it.
    private static AuthorizationPolicyBuilder Signed(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(SiteClaims.MustChangePassword, "true"));
}
