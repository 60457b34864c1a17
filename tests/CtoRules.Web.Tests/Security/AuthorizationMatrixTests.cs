using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CtoRules.Web.Tests.Security;

/// <summary>
/// Issue 15, item 6: every route of the app (from its endpoint data source) has a row in the
/// authorisation matrix, and every row holds for each kind of caller on the real host.
/// </summary>
public sealed class AuthorizationMatrixTests(SecuredSite site) : IClassFixture<SecuredSite>
{
    [Fact]
    public void Every_route_of_the_app_has_a_row_and_every_row_a_route()
    {
        var routes = AuthorizationMatrix.RoutesOf(site.Host.Services.GetRequiredService<EndpointDataSource>());
        var matrix = AuthorizationMatrix.Load();
        var rows = matrix.Rows.Select(r => r.Route).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !rows.Contains(r)).ToList();
        missing.Should().BeEmpty(
            $"every route needs a row in {AuthorizationMatrix.SourcePath} saying who may call it; add a line per route:\n" +
            string.Join('\n', missing.Select(r => $"{r} <sample-path> Y/N x {Enum.GetValues<Caller>().Length} ({string.Join(' ', Enum.GetValues<Caller>())})")));
        var stale = matrix.Rows.Where(r => !routes.Contains(r.Route)).Select(r => $"line {r.Line}: {r.Route}").ToList();
        stale.Should().BeEmpty($"rows of {AuthorizationMatrix.SourcePath} must name routes the app maps");
        routes.Should().Contain(["GET /admin/users", "POST /api/v1/evaluate", "POST /cds-services/{id}"], "the list comes from the running app");
    }

    [Fact]
    public async Task Each_caller_is_allowed_or_denied_as_the_matrix_says()
    {
        var wrong = new List<string>();
        var calls = 0;
        // Sign-out last: it is the one call that could change a client's state.
        foreach (var row in AuthorizationMatrix.Load().Rows.OrderBy(r => r.Pattern == "/Account/Logout"))
        {
            foreach (var (caller, expected) in row.Allowed)
            {
                var method = row.Method == "*" ? HttpMethod.Get : new HttpMethod(row.Method);
                using var response = await site.SendAsync(caller, method, row.SamplePath, method == HttpMethod.Get ? null : "{}");
                calls++;
                var allowed = !IsDenied(response);
                if (allowed != expected)
                    wrong.Add($"{row.Route} (line {row.Line}, {method} {row.SamplePath}) as {caller}: expected {(expected ? "allowed" : "denied")}, got {Describe(response)}");
                (response.StatusCode == HttpStatusCode.InternalServerError).Should().BeFalse($"{method} {row.SamplePath} as {caller} must not fail on the server");
            }
        }
        string.Join('\n', wrong).Should().BeEmpty($"the host must do what {AuthorizationMatrix.SourcePath} says ({wrong.Count} cell(s) differ)");
        calls.Should().BeGreaterThan(200);
    }

    /// <summary>Denied: 401, 403, or a redirect to sign-in or to access denied (how the site answers a browser).</summary>
    public static bool IsDenied(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return true;
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static string Describe(HttpResponseMessage r) =>
        $"{(int)r.StatusCode}{(r.Headers.Location is { } l ? " -> " + l : "")}";
}
