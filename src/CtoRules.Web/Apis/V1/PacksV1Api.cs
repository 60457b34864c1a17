using CtoRules.Audit.Replay;
using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Web.Security;
using Markdig;
using Microsoft.AspNetCore.Mvc;

namespace CtoRules.Web.Apis.V1;

/// <summary>
/// Read-only views of the published packs (scope <c>read</c>): the packs, a pack's signed file,
/// its rules, one rule (fields, rationale as HTML, citations), a reference, and the JSON Schemas.
/// </summary>
public static class PacksV1Api
{
    // Raw HTML in a rationale is shown as text, never injected into a client's page.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    public sealed record PackSummary(string Id, string Version, string Digest, DateTimeOffset Created, int RuleCount, string? SignedBy);
    public sealed record RuleSummary(string Id, int Version, string Title, string Role, string? Stage, int Step, string? Kind, IReadOnlyList<string> Actions);
    public sealed record CitationView(string Key, string Citation, string? Link);
    public sealed record RuleView(string Id, int Version, string Title, string Role, string? Stage, int Step, string? Kind, IReadOnlyList<string> Actions,
        string? When, string? Text, string? Derives, string? Score, string? Item, double Points, string RationaleHtml, IReadOnlyList<CitationView> Citations,
        string Source, string Pack);

    public static RouteGroupBuilder MapPacksV1Api(this RouteGroupBuilder v1)
    {
        var read = v1.MapGroup("").RequireAuthorization(ApiKeyDefaults.CanRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);

        read.MapGet("/packs", (PackLibrary packs) => TypedResults.Ok(packs.All().Select(Summary).ToList()))
            .WithSummary("The published packs, newest first");
        read.MapGet("/packs/{version}", (string version, PackLibrary packs) => packs.ByVersion(version) is { } p
                ? Results.File(p.File, "application/json", Path.GetFileName(p.File))
                : ApiProblems.NoPack(version, packs.Folder))
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The signed pack file of a version");
        read.MapGet("/rules", (PackLibrary packs, [FromQuery] string? pack) =>
                PackChoice.TryChoose(packs, pack, out var p, out var problem)
                    ? Results.Ok(p.RuleSet.Rules.Select(r => new RuleSummary(r.Id, r.Version, r.Title, r.Role.ToString(), r.Stage, r.Step, r.Kind, r.Actions)).ToList())
                    : problem!)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The rules of a pack (default: the newest)");
        read.MapGet("/rules/{id}", (string id, PackLibrary packs, [FromQuery] string? pack) =>
                !PackChoice.TryChoose(packs, pack, out var p, out var problem) ? problem!
                : p.RuleSet.Find(id) is { } rule ? Results.Ok(View(rule, p))
                : ApiProblems.NotFound("Unknown rule", $"pack {p.Manifest.Version} has no rule '{id}'; GET /api/v1/rules lists them"))
            .Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One rule: fields, rationale as HTML, citations");
        read.MapGet("/references/{key}", (string key, PackLibrary packs, [FromQuery] string? pack) =>
                !PackChoice.TryChoose(packs, pack, out var p, out var problem) ? problem!
                : p.RuleSet.Bibliography.TryGetValue(key, out var r) ? Results.Ok(new CitationView(r.Key, r.Citation, r.Link) )
                : ApiProblems.NotFound("Unknown reference", $"pack {p.Manifest.Version} cites no reference '{key}'"))
            .Produces<CitationView>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One bibliography entry");
        read.MapGet("/schemas/{name}", (string name) => ApiSchemas.Find(name) is { } schema
                ? Results.Text(schema, "application/schema+json")
                : ApiProblems.NotFound("Unknown schema", $"the schemas are {string.Join(", ", ApiSchemas.Names)}"))
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The JSON Schema of case@1 or advice@1");
        return v1;
    }

    private static PackSummary Summary(RulePack p) =>
        new(p.Manifest.Id, p.Manifest.Version, p.Digest, p.Manifest.Created, p.Manifest.RuleCount, p.SignatureVerifiedBy);

    private static RuleView View(RuleDefinition r, RulePack p) => new(
        r.Id, r.Version, r.Title, r.Role.ToString(), r.Stage, r.Step, r.Kind, r.Actions, r.When, r.Text, r.Derives, r.Score, r.Item, r.Points,
        Markdig.Markdown.ToHtml(r.Rationale, Markdown),
        [.. r.References.Select(k => p.RuleSet.Bibliography.TryGetValue(k, out var b) ? new CitationView(k, b.Citation, b.Link) : new CitationView(k, k, null))],
        r.Source.Path, p.Manifest.Version);
}
