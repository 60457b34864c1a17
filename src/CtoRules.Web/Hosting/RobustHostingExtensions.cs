using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CtoRules.Web.Hosting;

/// <summary>
/// What the host does with bad clients and a bad start (issue 8): slow or malformed bodies are
/// 408/400 problem+json (never a 500 with a logged stack), HEAD works wherever GET does, the
/// shipped log levels do not log requests, and a start-up failure is one line and a non-zero exit.
/// </summary>
public static class RobustHostingExtensions
{
    /// <summary>
    /// Turns an exception escaping start-up (a rule set that cannot be read, a port in use) into
    /// one line on stderr and exit code 1, instead of an unhandled exception with its stack.
    /// </summary>
    public static WebApplicationBuilder ExitCleanlyOnStartupErrors(this WebApplicationBuilder builder)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var ex = e.ExceptionObject as Exception;
            while (ex is AggregateException { InnerException: { } inner }) ex = inner;
            Console.Error.WriteLine($"ctorules-web: cannot start: {Describe(ex)}");
            Environment.Exit(1);
        };
        return builder;
    }

    private static string Describe(Exception? e) => e switch
    {
        null => "unknown error",
        IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            || io.InnerException?.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) == true
            => $"{io.Message.Split('\n')[0].Trim()} (another process is listening there; give --urls http://127.0.0.1:PORT)",
        _ => e.Message.Split('\n')[0].Trim(),
    };

    /// <summary>
    /// Kestrel limits: a body must arrive at 240 bytes/s or better after a 5 s grace (a trickled
    /// body is cut off with 408), headers within 10 s, bodies at most 2 MiB.
    /// </summary>
    public static WebApplicationBuilder LimitSlowAndLargeRequests(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            k.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        });
        // The shipped appsettings.json beside the binary gives the log levels wherever the host is
        // started from (the content root is the current folder); later sources still override it.
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shipped) && !string.Equals(Path.GetFullPath(builder.Environment.ContentRootPath), Path.GetFullPath(AppContext.BaseDirectory).TrimEnd('/'), StringComparison.Ordinal))
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        return builder;
    }

    /// <summary>
    /// Answers HEAD like GET without a body, and turns Kestrel's "bad request" exceptions (a body
    /// too slow: 408; malformed chunked framing: 400; too large: 413) into problem+json logged at
    /// Debug. Call right after UseProblemResponses (inside the exception handler, before any other
    /// middleware): it places routing after itself so HEAD finds GET routes.
    /// </summary>
    public static WebApplication UseHeadAndBadRequestHandling(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
                context.Response.Body = Stream.Null;
            }
            try
            {
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                app.Logger.LogDebug("Bad request: {Status} {Reason}", e.StatusCode, e.Message);
                context.Response.Clear();
                context.Response.StatusCode = e.StatusCode;
                await Results.Problem(title: Title(e.StatusCode), detail: e.Message, statusCode: e.StatusCode).ExecuteAsync(context);
            }
        });
        app.UseRouting();
        return app;
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large",
        _ => "The request is malformed",
    };
}
