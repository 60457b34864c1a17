using CtoRules.Language.Rules;

namespace CtoRules.Web.Apis;

/// <summary><c>GET /api/ruleset</c>: which knowledge base this host evaluates with.</summary>
public static class RuleSetApi
{
    public static IEndpointRouteBuilder MapRuleSetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ruleset", (RuleSet set) => TypedResults.Ok(new RuleSetInfo(
            set.Manifest.Id,
            set.PublishedDigest is null ? set.Manifest.Version + "-draft" : set.Manifest.Version,
            set.PublishedDigest ?? set.ContentDigest,
            set.Rules.Length,
            set.Scores.Length)));
        return app;
    }

    public sealed record RuleSetInfo(string Id, string Version, string Digest, int Rules, int Scores);
}
