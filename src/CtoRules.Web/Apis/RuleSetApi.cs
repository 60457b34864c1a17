using CtoRules.Language.Rules;
using CtoRules.Packs;

namespace CtoRules.Web.Apis;

/// <summary><c>GET /api/ruleset</c>: which knowledge base this host evaluates with.</summary>
public static class RuleSetApi
{
    public static IEndpointRouteBuilder MapRuleSetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ruleset", (RuleSet set) => TypedResults.Ok(Describe(set)));
        return app;
    }

    /// <summary>
    /// The version and digests of a rule set (docs/packs.md, "Two digests"): <c>contentDigest</c> is
    /// the rule-content digest (<see cref="PublishedMatch.PackedDigest"/>, the function the CLI uses
    /// to match a working copy to a pack); <c>digest</c> is the published pack's digest when the
    /// content is a published version, else the content digest; <c>published</c> says which.
    /// </summary>
    public static RuleSetInfo Describe(RuleSet set)
    {
        var content = PublishedMatch.PackedDigest(set);
        var published = set.PublishedDigest is not null;
        return new RuleSetInfo(
            set.Manifest.Id,
            published ? set.Manifest.Version : set.Manifest.Version + "-draft",
            set.PublishedDigest ?? content,
            set.Rules.Length,
            set.Scores.Length,
            content,
            published);
    }

    public sealed record RuleSetInfo(string Id, string Version, string Digest, int Rules, int Scores, string ContentDigest, bool Published);
}
