using System.Text;
using CtoRules.Advice;
using CtoRules.Cases;
using CtoRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CtoRules.Web.Apis;

/// <summary><c>POST /api/evaluate</c>: a case@1 JSON body in, advice@1 JSON out.</summary>
public static class EvaluateApi
{
    public static IEndpointRouteBuilder MapEvaluateApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/evaluate", EvaluateAsync)
            .Accepts<string>("application/json")
            .Produces<AdviceDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvaluateAsync(HttpRequest request, Advisor advisor, CancellationToken cancel)
    {
        if (request.ContentLength > CaseSchema.MaxInputBytes) return TooLarge(request.ContentLength.Value);
        var body = await ReadLimitedAsync(request.Body, CaseSchema.MaxInputBytes, cancel);
        if (body is null) return TooLarge(null);

        // Strict UTF-8: an invalid byte is a located 400, never silently replaced.
        var read = CaseReader.ReadUtf8Json(body);
        if (!read.IsValid)
        {
            return TypedResults.Problem(
                title: "The case is not a valid ctorules/case@1",
                // The detail names the first error and the count; the list is in "errors", once.
                detail: read.Errors.Count == 1 ? read.Errors[0].ToString() : $"{read.Errors[0]} (and {read.Errors.Count - 1} more in errors)",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = read.Errors.Select(e => new { path = e.Path, message = e.Message }).ToArray(),
                });
        }
        var advice = advisor.Evaluate(read.Case!);
        return TypedResults.Bytes(AdviceJson.SerializeUtf8(advice), "application/json; charset=utf-8");
    }

    private static ProblemHttpResult TooLarge(long? length) => TypedResults.Problem(
        title: "The request body is too large",
        detail: $"a case is at most {CaseSchema.MaxInputBytes} bytes" + (length is null ? "" : $"; this body has {length}"),
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// The body as text, or null when it is longer than <paramref name="limit"/> bytes. Invalid
    /// UTF-8 is a 400 (a <see cref="BadHttpRequestException"/> the host turns into problem+json),
    /// never silently replaced.
    /// </summary>
    internal static async Task<string?> ReadLimitedTextAsync(Stream body, int limit, CancellationToken cancel)
    {
        var bytes = await ReadLimitedAsync(body, limit, cancel);
        if (bytes is null) return null;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new BadHttpRequestException($"the body is not valid UTF-8 (byte {e.Index})", StatusCodes.Status400BadRequest);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/> bytes (never read past it).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + n > limit) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
