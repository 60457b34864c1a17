using System.Text.Json.Nodes;
using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>Reading valid cases: unknown stays unknown, YAML equals JSON, round trips, files.</summary>
public class CaseReaderTests
{
    private const string FullJson = """
        {
          "schema": "ctorules/case@1",
          "id": "full-1",
          "description": "Every fact given once.",
          "patient": { "ageYears": 74, "priorCabg": true, "priorMi": false, "egfr": 42.5 },
          "lesion": {
            "vessel": "LAD", "inStent": false, "lengthMm": 35, "durationMonths": 12,
            "previousFailedAttempt": true, "stump": "blunt", "proximalCapAmbiguous": false,
            "bendOver45": true, "tortuosity": "moderate", "calcification": "severe",
            "interventionalCollaterals": true, "sideBranchAtProximalCap": false,
            "multipleOcclusions": false, "distalVesselDiameterMm": 2.75, "distalVesselCalcified": true
          },
          "ccta": { "maxCalciumCsaPct": 100, "maxCalciumArcDeg": 360, "bluntStump": true,
                    "bendOver45": true, "lengthMm": 38, "sideBranchAtProximalCap": true },
          "ivus": { "calciumArcDeg": 270, "calciumDepth": "superficial", "calciumDistribution": "concentric",
                    "calcifiedNodule": false, "lumenCompromised": true },
          "procedure": { "stage": "stent-optimisation", "proximalCap": "penetrated", "wireCrossed": true,
                         "tracking": "intraplaque", "deviceCrossing": "crossed", "balloonExpansion": "full",
                         "ivlDeliverable": true, "contrastLimited": false, "stentImplanted": true }
        }
        """;

    private const string FullYaml = """
        # the same case as FullJson, in YAML
        schema: ctorules/case@1
        id: full-1
        description: "Every fact given once."
        patient: { ageYears: 74, priorCabg: true, priorMi: false, egfr: 42.5 }
        lesion:
          vessel: LAD
          inStent: false
          lengthMm: 35
          durationMonths: 12
          previousFailedAttempt: true
          stump: blunt
          proximalCapAmbiguous: false
          bendOver45: true
          tortuosity: moderate
          calcification: severe
          interventionalCollaterals: true
          sideBranchAtProximalCap: false
          multipleOcclusions: false
          distalVesselDiameterMm: 2.75
          distalVesselCalcified: true
        ccta: { maxCalciumCsaPct: 100, maxCalciumArcDeg: 360, bluntStump: true, bendOver45: true, lengthMm: 38, sideBranchAtProximalCap: true }
        ivus: { calciumArcDeg: 270, calciumDepth: superficial, calciumDistribution: concentric, calcifiedNodule: false, lumenCompromised: true }
        procedure:
          stage: stent-optimisation
          proximalCap: penetrated
          wireCrossed: true
          tracking: intraplaque
          deviceCrossing: crossed
          balloonExpansion: full
          ivlDeliverable: true
          contrastLimited: false
          stentImplanted: true
        """;

    [Fact]
    public void Full_case_reads_every_fact()
    {
        var result = CaseReader.ReadJson(FullJson);

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        var c = result.Case!;
        c.Id.Should().Be("full-1");
        c.Description.Should().Be("Every fact given once.");
        c.Stage.Should().Be("stent-optimisation");
        c.KnownFacts().Should().HaveCount(CaseSchema.SlotCount - CaseSchema.Extensions.Length, "every fact of the contract (the full case has no extension)");
        c.Get("patient.egfr").Should().Be("42.5");
        c.Get("lesion.distalVesselDiameterMm").Should().Be("2.75");
        c.Get("ivus.calciumDepth").Should().Be("superficial");
        c.Get("patient.priorMi").Should().Be("false");
    }

    [Fact]
    public void Yaml_and_json_give_the_same_case()
    {
        var json = CaseReader.ReadJson(FullJson);
        var yaml = CaseReader.ReadYaml(FullYaml);

        yaml.Errors.Should().BeEmpty();
        yaml.Case!.ToJson().ToJsonString().Should().Be(json.Case!.ToJson().ToJsonString());
        yaml.Case.Values.ToArray().Should().Equal(json.Case.Values.ToArray());
    }

    [Fact]
    public void Case_json_round_trips_through_the_reader()
    {
        var original = CaseReader.ReadJson(FullJson).Case!;

        var fromText = CaseReader.ReadJson(original.ToJson().ToJsonString());
        var fromNode = CaseReader.Read(original.ToJson());

        fromText.Errors.Should().BeEmpty();
        fromNode.Errors.Should().BeEmpty();
        fromText.Case!.ToJson().ToJsonString().Should().Be(original.ToJson().ToJsonString());
        fromNode.Case!.Values.ToArray().Should().Equal(original.Values.ToArray());
    }

    [Fact]
    public void Absent_facts_stay_unknown()
    {
        var c = CaseText.Read(CaseText.Planning).Case!;

        c.KnownFacts().Select(f => f.Field.Path).Should().Equal("procedure.stage");
        foreach (var field in CaseSchema.Fields.Where(f => f != CaseSchema.Stage))
        {
            c.IsKnown(field).Should().BeFalse(field.Path);
            double.IsNaN(c.Values[field.Slot]).Should().BeTrue(field.Path);
            c.Get(field.Path).Should().BeNull();
        }
        c.BlockMask.Should().Be(1 << CaseSchema.BlockIndex("procedure"));
        c.HasBlock("ivus").Should().BeFalse();
        c.Description.Should().BeNull();
    }

    [Fact]
    public void An_empty_block_says_the_examination_was_done()
    {
        var c = CaseText.ReadWith("\"ivus\":{}").Case!;

        c.HasBlock("ivus").Should().BeTrue();
        c.HasBlock("ccta").Should().BeFalse();
        c.ToJson().ToJsonString().Should().Be(
            "{\"schema\":\"ctorules/case@1\",\"id\":\"t-1\",\"ivus\":{},\"procedure\":{\"stage\":\"planning\"}}");
    }

    [Fact]
    public void Enum_values_are_stored_as_their_ordinal()
    {
        var c = CaseText.ReadWith("\"lesion\":{\"calcification\":\"severe\",\"vessel\":\"LAD\"}").Case!;
        var calcification = CaseSchema.Find("lesion.calcification")!;

        c.Values[calcification.Slot].Should().Be(3);
        c.Values[CaseSchema.Find("lesion.vessel")!.Slot].Should().Be(0);
        c.Values[CaseSchema.Stage.Slot].Should().Be(CaseSchema.StageOrdinal("planning"));
    }

    [Fact]
    public void Booleans_are_stored_as_one_and_zero()
    {
        var c = CaseText.ReadWith("\"patient\":{\"priorCabg\":true,\"priorMi\":false}").Case!;

        c.Values[CaseSchema.Find("patient.priorCabg")!.Slot].Should().Be(1);
        c.Values[CaseSchema.Find("patient.priorMi")!.Slot].Should().Be(0);
    }

    [Fact]
    public void Read_accepts_nodes_built_in_code()
    {
        var node = new JsonObject
        {
            ["schema"] = "ctorules/case@1",
            ["id"] = "code-1",
            ["patient"] = new JsonObject { ["ageYears"] = 60, ["egfr"] = 35.5, ["priorCabg"] = true },
            ["procedure"] = new JsonObject { ["stage"] = "crossing" },
        };

        var result = CaseReader.Read(node);

        result.Errors.Should().BeEmpty();
        result.Case!.Get("patient.ageYears").Should().Be("60");
        result.Case.Get("patient.egfr").Should().Be("35.5");
        node.ToJsonString().Should().Contain("\"ageYears\":60", "the node is not modified");
    }

    [Fact]
    public void Read_of_null_is_an_error()
    {
        CaseReader.Read(null).Errors.Should().Equal(new CaseError("$", "expected an object, got null"));
    }

    [Fact]
    public void A_case_of_the_embedded_yaml_kind_reads_from_its_node()
    {
        var corpus = YamlJson.YamlToJson("""
            schema: ctorules/corpus-case@1
            case:
              schema: ctorules/case@1
              id: embedded
              procedure: { stage: crossing, wireCrossed: false }
            """)!;

        var result = CaseReader.Read(corpus["case"]);

        result.Errors.Should().BeEmpty();
        result.Case!.Get("procedure.wireCrossed").Should().Be("false");
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        CaseReader.ReadJson("\uFEFF" + CaseText.Json(CaseText.Planning)).IsValid.Should().BeTrue();
        CaseReader.ReadYaml("\uFEFFschema: ctorules/case@1\nid: a\nprocedure: {stage: planning}\n").IsValid.Should().BeTrue();
    }
}
