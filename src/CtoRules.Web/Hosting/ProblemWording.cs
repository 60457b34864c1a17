using Microsoft.AspNetCore.Antiforgery;

namespace CtoRules.Web.Hosting;

/// <summary>
/// Words the problems ASP.NET Core produces by itself (a bare status code) so that they say what
/// went wrong and what to do: a body of another content type (routing answers 415 for an endpoint
/// that declares JSON) and a form posted without a valid antiforgery token (issue 15's catalogue).
/// </summary>
public static class ProblemWording
{
    public const string AntiforgeryTitle = "The form's antiforgery token is missing or invalid";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Title = CtoRules.Web.Apis.JsonBody.Title;
            var type = context.HttpContext.Request.ContentType;
            problem.Detail = (type is null ? "the request has no Content-Type" : $"Content-Type '{(type.Length <= 80 ? type : type[..80] + "…")}' is not accepted")
                + "; send Content-Type: application/json";
        }
        else if (problem.Status == StatusCodes.Status400BadRequest
                 && context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            problem.Title = AntiforgeryTitle;
            problem.Detail = "the form was not sent from this site's page, or the page is too old: reload the page and submit the form again";
        }
    }
}
