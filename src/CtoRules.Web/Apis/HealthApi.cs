namespace CtoRules.Web.Apis;

/// <summary><c>GET /health</c>: the host is up and its rule set loaded (it does not start otherwise).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "healthy" }));
        return app;
    }
}
