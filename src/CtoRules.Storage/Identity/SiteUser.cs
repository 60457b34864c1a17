using Microsoft.AspNetCore.Identity;

namespace CtoRules.Storage.Identity;

/// <summary>A person who signs in to the site.</summary>
public class SiteUser : IdentityUser
{
    /// <summary>Set for the first-run admin and for users created with a generated password: the
    /// site sends them to the change-password page until they choose their own.</summary>
    public bool MustChangePassword { get; set; }
}
