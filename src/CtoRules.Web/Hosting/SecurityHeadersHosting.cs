using CtoRules.Web.Security;

namespace CtoRules.Web.Hosting;

/// <summary>Security headers on every response, errors and static files included (docs/reliability.md, "Authorisation").</summary>
public static class SecurityHeadersHosting
{
    /// <summary>Call first: the headers are added when the response starts, whichever middleware answers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
