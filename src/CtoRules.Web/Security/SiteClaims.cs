namespace CtoRules.Web.Security;

/// <summary>Claims the site adds to the sign-in cookie.</summary>
public static class SiteClaims
{
    /// <summary>"true" while the user still has a one-time password.</summary>
    public const string MustChangePassword = "ctorules:must-change-password";
}
