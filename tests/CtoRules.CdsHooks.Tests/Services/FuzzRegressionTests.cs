using CtoRules.CdsHooks.Feedback;
using CtoRules.CdsHooks.Services;

namespace CtoRules.CdsHooks.Tests.Services;

/// <summary>
/// CDS Hooks bodies the fuzzer (tools/fuzz cds-hooks) found mishandled: each was an exception
/// that would have been a 500; each is now a 400 with the JSON path, or a note. And a request
/// without usable data (docs/bad-inputs.md).
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string Case = "{\"schema\":\"ctorules/case@1\",\"id\":\"c\",\"procedure\":{\"stage\":\"planning\"},\"lesion\":{\"calcification\":\"severe\"}}";

    [Fact]
    public void A_duplicate_property_is_a_400_with_its_path_and_line()
    {
        // JsonNode accepted it and threw ArgumentException when the object was first walked.
        FluentActions.Invoking(() => CdsRequest.Parse("{\"hook\":\"patient-view\",\"hookInstance\":\"a\",\"hookInstance\":\"b\",\"context\":{}}"))
            .Should().Throw<CdsRequestException>().Which.Message.Should().Be("hookInstance: not JSON: duplicate property 'hookInstance' at line 1, column 43");
    }

    [Fact]
    public void A_lone_surrogate_in_the_case_of_the_context_is_a_400_with_its_path()
    {
        // It passed the request parse and threw InvalidOperationException when the case was read.
        var body = "{\"hook\":\"patient-view\",\"hookInstance\":\"x1\",\"context\":{\"org.ctorules.case\":" + Case.Replace("\"c\"", "\"c\\udc00x\"", StringComparison.Ordinal) + "}}";
        FluentActions.Invoking(() => CdsRequest.Parse(body)).Should().Throw<CdsRequestException>()
            .Which.Message.Should().Be("context['org.ctorules.case'].id: not JSON: invalid \\u escape at line 1, column 108: a UTF-16 surrogate must come in a high-low pair");
    }

    [Fact]
    public void A_lone_surrogate_in_a_feedback_property_name_is_a_400()
    {
        var body = "{\"feedback\":[{\"card\":\"c1\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-12-05T10:00:00Z\",\"overrid\\ud800eReason\":{}}]}";
        FluentActions.Invoking(() => FeedbackRequest.Parse(body)).Should().Throw<CdsRequestException>()
            .Which.Message.Should().Be("feedback[0]: not JSON: invalid \\u escape at line 1, column 92: a UTF-16 surrogate must come in a high-low pair");
    }

    [Theory]
    [InlineData("\"feedback\"")]
    [InlineData("[{\"feedback\":[]}]")]
    [InlineData("42")]
    public void A_feedback_body_that_is_not_an_object_is_a_400_not_a_500(string body)
    {
        // Found by fuzzing (tools/fuzz cds-hooks, seed 22): the 10 bytes "feedback" threw
        // InvalidOperationException ("The node must be of type 'JsonObject'") when the root was indexed.
        FluentActions.Invoking(() => FeedbackRequest.Parse(body)).Should().Throw<CdsRequestException>()
            .Which.Message.Should().Be("$: the feedback must be a JSON object");
    }

    [Fact]
    public async Task An_observation_with_an_invalid_status_code_is_noted_and_ignored_not_a_500()
    {
        // Firely keeps the resource and throws CodedValidationException when Status is read.
        var body = TestRules.Fixture("patient-view-extraplaque.json");
        var at = body.IndexOf("\"status\": \"final\"", StringComparison.Ordinal);
        body = body[..at] + "\"status\": \"fin970al\"" + body[(at + "\"status\": \"final\"".Length)..];

        var result = await TestRules.Service().CallAsync(CdsHookService.PatientViewServiceId, CdsRequest.Parse(body), "https://site.example", CancellationToken.None);

        result.Notes.Should().Contain("Observation/stage-2: Value 'fin970al' is not a correct code for valueset 'ObservationStatus'.; the resource is ignored");
        // Without the stage it gave, the other findings contradict the default stage: noted, no advice, no 500.
        result.Notes.Should().Contain(n => n.StartsWith("the mapped facts are inconsistent: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_usable_data_gets_no_cards_and_notes_why()
    {
        // No prefetch and no fhirServer: nothing to read a case from.
        var body = "{\"hook\":\"patient-view\",\"hookInstance\":\"empty-1\",\"context\":{\"patientId\":\"p\"}}";

        var result = await TestRules.Service().CallAsync(CdsHookService.PatientViewServiceId, CdsRequest.Parse(body), "https://site.example", CancellationToken.None);

        result.Cards.Should().BeEmpty();
        result.Advice.Should().BeNull();
        result.Notes.Should().Contain("no chronic total occlusion is documented (no lesion, CCTA or IVUS findings); no cards")
            .And.Contain(n => n.EndsWith("was not provided and there is no fhirServer: its facts stay unknown", StringComparison.Ordinal));
    }
}
