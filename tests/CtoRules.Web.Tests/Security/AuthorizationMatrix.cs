using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CtoRules.Web.Tests.Security;

/// <summary>
/// The authorisation matrix as data (<c>authorization-matrix.txt</c> beside this file): one row per
/// route of the app's endpoint data source, with a path to call and, per caller, Y (allowed) or
/// N (denied).
/// </summary>
public sealed record AuthorizationMatrix(IReadOnlyList<AuthorizationMatrix.Row> Rows)
{
    public const string FileName = "authorization-matrix.txt";
    public const string SourcePath = "tests/CtoRules.Web.Tests/Security/" + FileName;

    /// <summary>Static files (MapStaticAssets: one endpoint per file and fingerprint) share one row with this pattern.</summary>
    public const string StaticFiles = "(static-files)";

    public sealed record Row(string Method, string Pattern, string SamplePath, IReadOnlyDictionary<Caller, bool> Allowed, int Line)
    {
        public string Route => $"{Method} {Pattern}";
    }

    public static AuthorizationMatrix Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Security", FileName);
        var rows = new List<Row>();
        var lines = File.ReadAllLines(path);
        var callers = Enum.GetValues<Caller>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 3 + callers.Length || cells.Skip(3).Any(c => c is not ("Y" or "N")))
                throw new FormatException($"{SourcePath}({i + 1}): a row is METHOD PATTERN SAMPLE-PATH and {callers.Length} cells Y or N ({string.Join(' ', callers)}): '{line}'");
            var allowed = callers.Select((c, k) => (c, cells[3 + k] == "Y")).ToDictionary(p => p.c, p => p.Item2);
            rows.Add(new Row(cells[0], cells[1], cells[2], allowed, i + 1));
        }
        return new AuthorizationMatrix(rows);
    }

    /// <summary>Every route the app maps, as "METHOD PATTERN" (static files folded into one).</summary>
    public static IReadOnlyList<string> RoutesOf(EndpointDataSource source)
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsStaticFile(endpoint)) pattern = StaticFiles;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0) routes.Add($"* {pattern}");
            else foreach (var m in methods) routes.Add($"{m} {pattern}");
        }
        return [.. routes];
    }

    // MapStaticAssets gives each file (and its fingerprinted and compressed variants) an endpoint of its own.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
}
