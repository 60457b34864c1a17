using System.Globalization;
using System.Threading.RateLimiting;
using CtoRules.Web.Apis;
using CtoRules.Web.Apis.V1;
using CtoRules.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CtoRules.Web.Hosting;

/// <summary>
/// The HTTP API v1: the <c>ApiKey</c> scheme and its scope policies, a rate limit per key
/// (<c>Api:RateLimit:PermitLimit</c> requests per <c>Api:RateLimit:WindowSeconds</c>, default 600
/// per 60 s; over it 429 with <c>Retry-After</c>), OpenAPI at <c>/openapi/v1.json</c> and the
/// Scalar reference at <c>/api/docs</c>.
/// </summary>
public static class ApiHosting
{
    public const string RateLimitPolicy = "per-api-key";

    public static WebApplicationBuilder AddApiV1(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        builder.Services.AddAuthorization(ApiKeyDefaults.AddPolicies);
        var permits = builder.Configuration.GetValue("Api:RateLimit:PermitLimit", 600);
        var window = TimeSpan.FromSeconds(builder.Configuration.GetValue("Api:RateLimit:WindowSeconds", 60));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, cancel) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(title: "Too many requests for this API key",
                    detail: $"at most {permits} requests per {window.TotalSeconds} s per key; retry after {seconds} s",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "CtoRules API";
            doc.Info.Description = "Evaluate ctorules/case@1 into advice@1 with published rule packs; every evaluation is audited. Authenticate with an API key in the X-Api-Key header.";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyDefaults.Header,
                Description = "An API key (ctorules apikey create); scopes evaluate and read",
            };
            doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, doc)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>After authentication: the rate limiter partitions by the key's name.</summary>
    public static WebApplication UseApiV1(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapApiV1(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("CtoRules API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // No fonts from fonts.scalar.com: the page loads nothing from another site (SecurityHeaders).
            .DisableDefaultFonts());
        app.MapAuditExportApi();
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicy).WithTags("v1");
        v1.MapEvaluateV1Api();
        v1.MapPacksV1Api();
        v1.MapExplainV1Api();
        return app;
    }
}
