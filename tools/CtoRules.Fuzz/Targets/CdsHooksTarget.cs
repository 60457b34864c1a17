using CtoRules.Fuzz.Fuzzing;
using System.Net;
using System.Text;
using System.Text.Json;
using CtoRules.CdsHooks.Feedback;
using CtoRules.CdsHooks.Mapping;
using CtoRules.CdsHooks.Prefetch;
using CtoRules.CdsHooks.Services;
using CtoRules.Engine;
using CtoRules.Language.Rules;

namespace CtoRules.Fuzz.Targets;

/// <summary>
/// A CDS Hooks service call as the host makes it: the request parsed, its prefetch (FHIR
/// resources) mapped to a case, the case evaluated and the cards serialised; and the feedback
/// reader. Only <see cref="CdsRequestException"/> (a 400) may leave; a FHIR server named by a
/// request is never contacted (every fetch answers 503).
/// </summary>
public sealed class CdsHooksTarget : FuzzTarget
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lazy<CdsHookService> _service = new(() =>
    {
        var load = RuleSetReader.LoadDirectory(RepoFiles.Path("rules"));
        var set = load.RuleSet ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        return new CdsHookService(new Advisor(set), FhirMappingTable.Default, new PrefetchResolver(new HttpClient(new Refuse())), TimeProvider.System);
    });

    public override string Name => "cds-hooks";

    public override string Description => "CDS Hooks request, prefetch and FHIR mapping, evaluation, cards; feedback";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "\"hook\"", "\"hookInstance\"", "\"context\"", "\"prefetch\"", "\"fhirServer\"", "\"fhirAuthorization\"", "\"patient-view\"", "\"order-select\"",
        "\"org.ctorules.case\"", "\"selections\"", "\"draftOrders\"", "\"patientId\"", "\"resourceType\"", "\"Bundle\"", "\"Observation\"", "\"Patient\"",
        "\"Condition\"", "\"Procedure\"", "\"ServiceRequest\"", "\"OperationOutcome\"", "\"entry\"", "\"resource\"", "\"code\"", "\"coding\"", "\"system\"",
        "\"valueQuantity\"", "\"valueCodeableConcept\"", "\"valueBoolean\"", "\"valueInteger\"", "\"effectiveDateTime\"", "\"birthDate\"", "\"subject\"",
        "\"reference\"", "\"http://snomed.info/sct\"", "\"415070008\"", "\"http://loinc.org\"", "\"unit\"", "\"value\"", "\"feedback\"", "\"card\"", "\"outcome\"",
        "\"overrideReasons\"", "\"accepted\"", "\"overridden\"", "\"http://127.0.0.1:1/fhir\"", "[1]", "{}", "null", "1e400", "-1", "\"\\ud800\"",
    ];

    public override string Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        try
        {
            if (text.Contains("\"feedback\"", StringComparison.Ordinal))
                return "feedback " + FeedbackRequest.Parse(text).Count;
            var request = CdsRequest.Parse(text);
            var service = request.Hook == "order-select" ? CdsHookService.OrderSelectServiceId : CdsHookService.PatientViewServiceId;
            var result = _service.Value.CallAsync(service, request, "https://ctorules.example", CancellationToken.None).GetAwaiter().GetResult();
            JsonSerializer.Serialize(result.Cards, Json);
            return $"{result.InputKind} cards={Math.Min(result.Cards.Length, 3)} notes={Math.Min(result.Notes.Length, 5)}";
        }
        catch (CdsRequestException e)
        {
            return "400 " + e.Path.Split('.', '[')[0];
        }
    }

    private sealed class Refuse : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
    }
}
