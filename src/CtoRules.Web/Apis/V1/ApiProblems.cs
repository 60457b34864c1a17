using CtoRules.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CtoRules.Web.Apis.V1;

/// <summary>The API's RFC 9457 problems, in one place so every endpoint words them alike.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult InvalidCase(IEnumerable<CaseError> errors)
    {
        var list = errors.ToList();
        return TypedResults.Problem(
            title: "The case is not a valid ctorules/case@1",
            detail: string.Join("; ", list.Select(e => e.ToString())),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = list.Select(e => new { path = e.Path, message = e.Message }).ToArray() });
    }

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        title: "The request body is too large", detail: $"this endpoint takes at most {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult NoPack(string? version, string folder) => version is null
        ? NotFound("No published pack", "this host has no published pack to evaluate with; publish one with `ctorules publish`")
        : NotFound("Unknown pack", $"no published pack has version '{version}'; GET /api/v1/packs lists them");
}
