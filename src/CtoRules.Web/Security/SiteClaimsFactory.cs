using System.Security.Claims;
using CtoRules.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CtoRules.Web.Security;

/// <summary>Adds <see cref="SiteClaims.MustChangePassword"/> to the cookie of a user with a one-time password.</summary>
public sealed class SiteClaimsFactory(UserManager<SiteUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SiteUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SiteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(SiteClaims.MustChangePassword, "true"));
        return identity;
    }
}
