namespace CtoRules.Web.Security;

/// <summary>
/// Sends a signed-in user who still has a one-time password to the change-password page from any
/// page; the policies refuse them too, this only makes the way out obvious.
/// </summary>
public sealed class ChangePasswordGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/Account") || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
            || path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || Path.HasExtension(path.Value);
        if (!exempt && HttpMethods.IsGet(context.Request.Method) && context.User.HasClaim(SiteClaims.MustChangePassword, "true"))
        {
            context.Response.Redirect(ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
