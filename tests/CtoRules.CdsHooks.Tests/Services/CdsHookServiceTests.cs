using System.Text.Json;
using System.Text.Json.Nodes;
using CtoRules.CdsHooks.Cards;
using CtoRules.CdsHooks.Services;
using Json.Schema;

namespace CtoRules.CdsHooks.Tests.Services;

public class CdsHookServiceTests
{
    private const string Site = "https://ctorules.example.org";
    private static readonly JsonSchema Schema = JsonSchema.FromText(TestRules.Fixture("cds-response.schema.json"));

    internal static void ShouldMatchSchema(string responseJson)
    {
        var result = Schema.Evaluate(JsonDocument.Parse(responseJson).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static string Response(CdsHookResult r) =>
        new JsonObject { ["cards"] = JsonSerializer.SerializeToNode(r.Cards) }.ToJsonString();

    [Fact]
    public async Task Order_select_for_a_post_CABG_patient_gets_cards_with_evidence()
    {
        var request = CdsRequest.Parse(TestRules.Fixture("order-select-patient-cabg.json"));
        var result = await TestRules.Service().CallAsync(CdsHookService.OrderSelectServiceId, request, Site, CancellationToken.None);

        result.InputKind.Should().Be("fhir");
        result.Notes.Should().BeEmpty();
        result.Facts.Should().Contain(f => f.Path == "ccta.maxCalciumArcDeg" && f.Value == "359.9951");
        result.Facts.Should().Contain(f => f.Path == "patient.priorCabg" && f.Value == "true" && f.Source == "Procedure/cabg-1");
        result.Facts.Should().Contain(f => f.Path == "lesion.lengthMm" && f.Value == "32");
        result.Facts.Should().Contain(f => f.Path == "lesion.durationMonths" && f.Value == "24");
        result.Facts.Should().Contain(f => f.Path == "patient.ageYears" && f.Value == "68");
        result.Cards.Should().NotBeEmpty();
        result.Cards.Should().HaveCount(result.Advice!.Advice.Length);
        ShouldMatchSchema(Response(result));
        foreach (var card in result.Cards)
        {
            var item = result.Advice.Advice.Single(a => a.RuleId == card.RuleId);
            card.Indicator.Should().Be(item.Kind switch { "avoid" => "critical", "caution" => "warning", _ => "info" });
            card.Source.Url.Should().Be($"{Site}/rules/{card.RuleId}");
            card.Source.Label.Should().Contain(result.Advice.RuleSet.Version);
            foreach (var because in item.Because) card.Detail.Should().Contain(because);
        }
        result.Cards.SelectMany(c => c.Links).Should().Contain(l => l.Url.StartsWith("https://doi.org/10.4244/EIJ-D-22-01096"));
    }

    [Fact]
    public async Task Patient_view_during_lesion_preparation_notes_what_was_missing_and_ignored()
    {
        var request = CdsRequest.Parse(TestRules.Fixture("patient-view-extraplaque.json"));
        var result = await TestRules.Service().CallAsync(CdsHookService.PatientViewServiceId, request, Site, CancellationToken.None);

        result.Cards.Should().Contain(c => c.RuleId == "prep.extraplaque.avoid-atherectomy" && c.Indicator == "critical");
        result.Notes.Should().Contain("prefetch 'conditions' was not provided and there is no fhirServer: its facts stay unknown");
        result.Notes.Should().Contain("prefetch 'procedures' was not provided and there is no fhirServer: its facts stay unknown");
        result.Notes.Should().Contain(n => n.Contains("http://loinc.org|2160-0") && n.Contains("not in the mapping table"));
        ShouldMatchSchema(Response(result));
    }

    [Fact]
    public async Task A_case_in_the_context_extension_is_evaluated_as_is()
    {
        var json = new JsonObject
        {
            ["hook"] = "patient-view", ["hookInstance"] = "h-ctx",
            ["context"] = new JsonObject
            {
                ["patientId"] = "p",
                ["org.ctorules.case"] = JsonNode.Parse("""
                    {"schema":"ctorules/case@1","id":"ctx-1",
                     "lesion":{"vessel":"RCA","calcification":"severe","lengthMm":30},
                     "procedure":{"stage":"lesion-preparation","wireCrossed":true,"tracking":"intraplaque","deviceCrossing":"crossed","balloonExpansion":"incomplete"}}
                    """),
            },
        };
        var result = await TestRules.Service().CallAsync(CdsHookService.PatientViewServiceId, CdsRequest.Parse(json.ToJsonString()), Site, CancellationToken.None);
        result.InputKind.Should().Be("context");
        result.Cards.Should().NotBeEmpty();
        // The same case through the engine directly gives the same rules, in the same order.
        var direct = new CtoRules.Engine.Advisor(TestRules.RuleSet).Evaluate(CtoRules.Cases.CaseReader.ReadJson(json["context"]!["org.ctorules.case"]!.ToJsonString()).Case!);
        result.Cards.Select(c => c.RuleId).Should().Equal(direct.Advice.Select(a => a.RuleId));
    }

    [Fact]
    public async Task Order_select_for_another_order_gives_no_cards()
    {
        var node = JsonNode.Parse(TestRules.Fixture("order-select-patient-cabg.json"))!;
        node["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["code"]!["coding"]![0]!["code"] = "241615005";
        var result = await TestRules.Service().CallAsync(CdsHookService.OrderSelectServiceId, CdsRequest.Parse(node.ToJsonString()), Site, CancellationToken.None);
        result.Cards.Should().BeEmpty();
        result.Notes.Should().ContainSingle().Which.Should().Contain("415070008");
        Response(result).Should().Be("{\"cards\":[]}");
    }

    [Fact]
    public async Task The_wrong_hook_for_a_service_is_a_request_error()
    {
        var request = CdsRequest.Parse(TestRules.Fixture("patient-view-extraplaque.json"));
        var act = () => TestRules.Service().CallAsync(CdsHookService.OrderSelectServiceId, request, Site, CancellationToken.None);
        (await act.Should().ThrowAsync<CdsRequestException>()).Which.Path.Should().Be("hook");
    }

    [Fact]
    public void A_request_without_context_names_the_path()
    {
        var act = () => CdsRequest.Parse("{\"hook\":\"patient-view\",\"hookInstance\":\"x\"}");
        act.Should().Throw<CdsRequestException>().Which.Message.Should().Be("context: required object is missing");
    }

    [Fact]
    public void Indicators_follow_the_kind()
    {
        CardBuilder.Indicator("avoid").Should().Be("critical");
        CardBuilder.Indicator("caution").Should().Be("warning");
        CardBuilder.Indicator("recommend").Should().Be("info");
        CardBuilder.Indicator("consider").Should().Be("info");
        CardBuilder.Indicator("note").Should().Be("info");
    }
}
