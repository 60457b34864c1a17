using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.CdsHooks.Services;
using Hl7.Fhir.Model;

namespace CtoRules.CdsHooks.Prefetch;

/// <summary>
/// Collects the FHIR resources of a request: from <c>prefetch</c> where the client sent them,
/// otherwise from <c>fhirServer</c> with the <c>fhirAuthorization</c> bearer token. Follows
/// the CDS Hooks 2.0 cases: a key that is missing or <c>null</c> means the client did not
/// prefetch it (the service fetches it itself when it can); an OperationOutcome in place of a
/// resource means the client's fetch failed (noted; fetched again when a server is given).
/// </summary>
public sealed class PrefetchResolver(HttpClient http)
{
    /// <summary>At most this many pages of a search are followed.</summary>
    public const int MaxPages = 5;

    public async Task<PrefetchResult> ResolveAsync(CdsRequest request, IReadOnlyDictionary<string, string> plan, CancellationToken cancel)
    {
        var resources = new List<Resource>();
        var notes = new List<string>();
        var context = request.ContextStrings();
        foreach (var (key, template) in plan)
        {
            var node = request.Prefetch?[key];
            var fetch = false;
            if (request.Prefetch is null || !request.Prefetch.ContainsKey(key) || node is null || node.GetValueKind() == JsonValueKind.Null)
            {
                fetch = true;
                if (request.FhirServer is null) notes.Add($"prefetch '{key}' was not provided and there is no fhirServer: its facts stay unknown");
            }
            else
            {
                var resource = FhirJson.Parse(node.ToJsonString(), out var problem);
                if (resource is null) notes.Add($"prefetch '{key}' is not a FHIR resource ({problem}); its facts stay unknown");
                else if (resource is OperationOutcome oo)
                {
                    notes.Add($"prefetch '{key}': the client could not fetch it ({Mapping.FhirCaseMapper.Describe(oo)})");
                    fetch = true;
                }
                else
                {
                    if (problem is not null) notes.Add($"prefetch '{key}': {problem}");
                    resources.AddRange(Unbundle(resource, key, notes));
                }
            }
            if (fetch && request.FhirServer is not null)
            {
                if (!AllTokensFilled(template, context, out var missing))
                {
                    notes.Add($"prefetch '{key}' cannot be fetched: the context has no {missing}");
                    continue;
                }
                resources.AddRange(await FetchAsync(request, PrefetchPlanner.Fill(template, context), key, notes, cancel));
            }
        }
        return new PrefetchResult(resources, notes);
    }

    private async Task<List<Resource>> FetchAsync(CdsRequest request, string query, string key, List<string> notes, CancellationToken cancel)
    {
        var result = new List<Resource>();
        var url = new Uri(request.FhirServer!.AbsoluteUri.TrimEnd('/') + "/" + query);
        for (var page = 0; page < MaxPages && url is not null; page++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
            if (request.AccessToken is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.AccessToken);
            HttpResponseMessage response;
            try { response = await http.SendAsync(message, cancel); }
            catch (HttpRequestException e)
            {
                notes.Add($"'{key}' from fhirServer failed: {e.Message}; its facts stay unknown");
                return result;
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancel);
                var resource = FhirJson.Parse(body, out var problem);
                if (!response.IsSuccessStatusCode || resource is OperationOutcome)
                {
                    var why = resource is OperationOutcome oo ? Mapping.FhirCaseMapper.Describe(oo) : $"HTTP {(int)response.StatusCode}";
                    notes.Add($"'{key}' from fhirServer failed ({why}); its facts stay unknown");
                    return result;
                }
                if (resource is null)
                {
                    notes.Add($"'{key}' from fhirServer is not a FHIR resource ({problem})");
                    return result;
                }
                result.AddRange(Unbundle(resource, key, notes));
                var next = (resource as Bundle)?.NextLink;
                url = next is null ? null : next.IsAbsoluteUri ? next : new Uri(url, next);
                if (url is not null && page == MaxPages - 1) notes.Add($"'{key}' from fhirServer has more than {MaxPages} pages; the rest is not read");
            }
        }
        return result;
    }

    private static IEnumerable<Resource> Unbundle(Resource resource, string key, List<string> notes)
    {
        if (resource is not Bundle bundle) return [resource];
        var list = new List<Resource>();
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is OperationOutcome oo && entry.Search?.Mode == Bundle.SearchEntryMode.Outcome) continue;
            if (entry.Resource is not null) list.Add(entry.Resource);
        }
        return list;
    }

    private static bool AllTokensFilled(string template, IReadOnlyDictionary<string, string> context, out string? missing)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(template, @"\{\{context\.([A-Za-z]+)\}\}"))
            if (!context.ContainsKey(m.Groups[1].Value)) { missing = m.Groups[1].Value; return false; }
        missing = null;
        return true;
    }
}

/// <summary>The resources a request supplied or the service fetched, with notes on what was missing.</summary>
public sealed record PrefetchResult(IReadOnlyList<Resource> Resources, IReadOnlyList<string> Notes);
