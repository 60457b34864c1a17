using CtoRules.Cases;

namespace CtoRules.Domain.Tests;

/// <summary>One test per kind of error the reader reports, with its exact path and message.</summary>
public class CaseReaderErrorTests
{
    private static void ShouldFailWith(CaseReadResult result, string path, string message)
    {
        result.IsValid.Should().BeFalse();
        result.Case.Should().BeNull();
        result.Errors.Should().Equal(new CaseError(path, message));
    }

    [Fact]
    public void Unknown_property_in_a_block_is_reported_with_its_path()
    {
        ShouldFailWith(CaseText.ReadWith("\"lesion\":{\"foo\":1}"), "lesion.foo", "unknown property 'foo'");
    }

    [Fact]
    public void Unknown_top_level_property_is_reported()
    {
        ShouldFailWith(CaseText.Read("\"foo\":true," + CaseText.Planning), "foo", "unknown property 'foo'");
    }

    [Theory]
    [InlineData("\"lesion\":{\"lenghtMm\":30}", "lesion.lenghtMm", "unknown property 'lenghtMm'; did you mean 'lengthMm'?")]
    [InlineData("\"lesoin\":{}", "lesoin", "unknown property 'lesoin'; did you mean 'lesion'?")]
    [InlineData("\"patient\":{\"priorCABG\":true}", "patient.priorCABG", "unknown property 'priorCABG'; did you mean 'priorCabg'?")]
    [InlineData("\"ivus\":{\"calciumArcDegrees\":90}", "ivus.calciumArcDegrees", "unknown property 'calciumArcDegrees'")]
    public void Unknown_property_close_to_a_known_one_gets_a_suggestion(string block, string path, string message)
    {
        ShouldFailWith(CaseText.ReadWith(block), path, message);
    }

    [Fact]
    public void A_short_unknown_name_is_not_matched_to_an_unrelated_short_name()
    {
        ShouldFailWith(CaseText.Read("\"xy\":1," + CaseText.Planning), "xy", "unknown property 'xy'");
    }

    [Theory]
    [InlineData("\"lesion\":{\"lengthMm\":\"30\"}", "lesion.lengthMm", "expected a number, got a string")]
    [InlineData("\"lesion\":{\"inStent\":1}", "lesion.inStent", "expected a boolean, got a number")]
    [InlineData("\"lesion\":{\"inStent\":\"true\"}", "lesion.inStent", "expected a boolean, got a string")]
    [InlineData("\"patient\":{\"ageYears\":34.5}", "patient.ageYears", "expected an integer, got 34.5")]
    [InlineData("\"patient\":{\"ageYears\":\"34\"}", "patient.ageYears", "expected an integer, got a string")]
    [InlineData("\"lesion\":[]", "lesion", "expected an object, got an array")]
    [InlineData("\"ivus\":true", "ivus", "expected an object, got a boolean")]
    [InlineData("\"lesion\":{\"calcification\":3}", "lesion.calcification", "expected a string, got a number")]
    [InlineData("\"lesion\":{\"vessel\":{}}", "lesion.vessel", "expected a string, got an object")]
    public void Wrong_type_is_reported(string block, string path, string message)
    {
        ShouldFailWith(CaseText.ReadWith(block), path, message);
    }

    [Theory]
    [InlineData("34")]
    [InlineData("34.0")]
    [InlineData("3.4e1")]
    public void Integer_fields_accept_integral_numbers_in_any_notation(string age)
    {
        var result = CaseText.ReadWith($"\"patient\":{{\"ageYears\":{age}}}");
        result.Errors.Should().BeEmpty();
        result.Case!.Get("patient.ageYears").Should().Be("34");
    }

    [Theory]
    [InlineData("\"lesion\":{\"lengthMm\":400}", "lesion.lengthMm", "400 is above the maximum 300")]
    [InlineData("\"lesion\":{\"lengthMm\":-1}", "lesion.lengthMm", "-1 is below the minimum 0")]
    [InlineData("\"patient\":{\"ageYears\":17}", "patient.ageYears", "17 is below the minimum 18")]
    [InlineData("\"lesion\":{\"distalVesselDiameterMm\":8.5}", "lesion.distalVesselDiameterMm", "8.5 is above the maximum 8")]
    [InlineData("\"ccta\":{\"maxCalciumArcDeg\":1e400}", "ccta.maxCalciumArcDeg", "1e400 is above the maximum 360")]
    public void Out_of_range_is_reported_and_never_clamped(string block, string path, string message)
    {
        ShouldFailWith(CaseText.ReadWith(block), path, message);
    }

    [Fact]
    public void Range_bounds_are_inclusive()
    {
        var result = CaseText.ReadWith("\"lesion\":{\"lengthMm\":300,\"durationMonths\":0}");
        result.Errors.Should().BeEmpty();
        result.Case!.Get("lesion.lengthMm").Should().Be("300");
        result.Case.Get("lesion.durationMonths").Should().Be("0");
    }

    [Theory]
    [InlineData("\"lesion\":{\"calcification\":\"heavy\"}", "lesion.calcification", "'heavy' is not one of none, mild, moderate, severe")]
    [InlineData("\"lesion\":{\"calcification\":\"Severe\"}", "lesion.calcification", "'Severe' is not one of none, mild, moderate, severe; did you mean 'severe'?")]
    [InlineData("\"lesion\":{\"vessel\":\"lad\"}", "lesion.vessel", "'lad' is not one of LAD, LCX, RCA, LM, OTHER; did you mean 'LAD'?")]
    public void Unknown_enum_value_is_reported(string block, string path, string message)
    {
        ShouldFailWith(CaseText.ReadWith(block), path, message);
    }

    [Fact]
    public void Unknown_stage_is_reported()
    {
        ShouldFailWith(CaseText.Read("\"procedure\":{\"stage\":\"stenting\"}"), "procedure.stage",
            "'stenting' is not one of planning, crossing, device-crossing, lesion-preparation, stent-optimisation");
    }

    [Theory]
    [InlineData("{\"id\":\"t-1\",\"procedure\":{\"stage\":\"planning\"}}", "schema")]
    [InlineData("{\"schema\":\"ctorules/case@1\",\"procedure\":{\"stage\":\"planning\"}}", "id")]
    [InlineData("{\"schema\":\"ctorules/case@1\",\"id\":\"t-1\"}", "procedure")]
    [InlineData("{\"schema\":\"ctorules/case@1\",\"id\":\"t-1\",\"procedure\":{}}", "procedure.stage")]
    public void Missing_required_property_is_reported(string json, string path)
    {
        ShouldFailWith(CaseReader.ReadJson(json), path, "required property is missing");
    }

    [Fact]
    public void Missing_required_properties_are_all_reported_in_schema_order()
    {
        CaseReader.ReadJson("{}").Errors.Should().Equal(
            new CaseError("schema", "required property is missing"),
            new CaseError("id", "required property is missing"),
            new CaseError("procedure", "required property is missing"));
    }

    [Fact]
    public void Another_schema_version_is_refused()
    {
        ShouldFailWith(
            CaseReader.ReadJson("{\"schema\":\"ctorules/case@2\",\"id\":\"t-1\"," + CaseText.Planning + "}"),
            "schema", "'ctorules/case@2' is not supported; expected 'ctorules/case@1'");
    }

    [Theory]
    [InlineData("\"a b\"", "'a b' is not a valid id; use 1–64 characters of A-Z a-z 0-9 . _ -")]
    [InlineData("\"\"", "'' is not a valid id; use 1–64 characters of A-Z a-z 0-9 . _ -")]
    [InlineData("\"Müller\"", "'Müller' is not a valid id; use 1–64 characters of A-Z a-z 0-9 . _ -")]
    [InlineData("42", "expected a string, got a number")]
    public void Invalid_id_is_reported(string id, string message)
    {
        ShouldFailWith(CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":" + id + "," + CaseText.Planning + "}"),
            "id", message);
    }

    [Fact]
    public void Too_long_id_is_reported_without_echoing_it()
    {
        var id = new string('a', 65);
        ShouldFailWith(CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"" + id + "\"," + CaseText.Planning + "}"),
            "id", "an id of 65 characters is too long; use 1–64 characters of A-Z a-z 0-9 . _ -");
        CaseReader.ReadJson("{\"schema\":\"ctorules/case@1\",\"id\":\"" + id[1..] + "\"," + CaseText.Planning + "}")
            .IsValid.Should().BeTrue();
    }

    [Fact]
    public void Description_over_2000_characters_is_reported()
    {
        ShouldFailWith(CaseText.Read("\"description\":\"" + new string('x', 2001) + "\"," + CaseText.Planning),
            "description", "2001 characters is above the maximum length 2000");
    }

    [Fact]
    public void Description_length_counts_characters_not_utf16_units()
    {
        // 2000 emoji are 4000 UTF-16 units but 2000 characters, as JSON Schema's maxLength counts.
        var text = string.Concat(Enumerable.Repeat("\U0001F600", 2000));
        var result = CaseText.Read("\"description\":\"" + text + "\"," + CaseText.Planning);
        result.Errors.Should().BeEmpty();
        result.Case!.Description.Should().Be(text);
    }

    [Theory]
    [InlineData("\"lesion\":{\"lengthMm\":null}", "lesion.lengthMm", "expected a number, got null")]
    [InlineData("\"patient\":{\"ageYears\":null}", "patient.ageYears", "expected an integer, got null")]
    [InlineData("\"patient\":{\"priorCabg\":null}", "patient.priorCabg", "expected a boolean, got null")]
    [InlineData("\"lesion\":{\"calcification\":null}", "lesion.calcification", "expected a string, got null")]
    [InlineData("\"ivus\":null", "ivus", "expected an object, got null")]
    [InlineData("\"description\":null", "description", "expected a string, got null")]
    public void Null_is_an_error_because_absent_is_how_unknown_is_said(string block, string path, string message)
    {
        ShouldFailWith(CaseText.ReadWith(block), path, message);
    }

    [Theory]
    [InlineData("[]", "expected an object, got an array")]
    [InlineData("null", "expected an object, got null")]
    [InlineData("\"case\"", "expected an object, got a string")]
    public void Root_must_be_an_object(string json, string message)
    {
        ShouldFailWith(CaseReader.ReadJson(json), "$", message);
    }

    [Fact]
    public void Several_errors_are_collected_in_document_order()
    {
        var result = CaseReader.ReadJson("""
            {
              "schema": "ctorules/case@2",
              "lesion": { "lengthMm": 400, "calcification": "heavy", "foo": 1, "inStent": "yes" },
              "patient": { "ageYears": 34.5 },
              "ivus": [],
              "procedure": { "wireCrossed": false, "deviceCrossing": "crossed" }
            }
            """);

        result.Case.Should().BeNull();
        result.Errors.Should().Equal(
            new CaseError("schema", "'ctorules/case@2' is not supported; expected 'ctorules/case@1'"),
            new CaseError("lesion.lengthMm", "400 is above the maximum 300"),
            new CaseError("lesion.calcification", "'heavy' is not one of none, mild, moderate, severe"),
            new CaseError("lesion.foo", "unknown property 'foo'"),
            new CaseError("lesion.inStent", "expected a boolean, got a string"),
            new CaseError("patient.ageYears", "expected an integer, got 34.5"),
            new CaseError("ivus", "expected an object, got an array"),
            new CaseError("procedure.stage", "required property is missing"),
            new CaseError("id", "required property is missing"),
            new CaseError("procedure.deviceCrossing",
                "'crossed' is inconsistent with procedure.wireCrossed = false (a device can only cross after the wire)"));
    }

    [Fact]
    public void Error_renders_as_path_colon_message()
    {
        CaseText.ReadWith("\"lesion\":{\"lengthMm\":400}").Errors.Single().ToString()
            .Should().Be("lesion.lengthMm: 400 is above the maximum 300");
    }

    [Fact]
    public void A_huge_bad_value_is_cut_short_in_the_message()
    {
        var value = new string('x', 500);
        var error = CaseText.ReadWith("\"lesion\":{\"vessel\":\"" + value + "\"}").Errors.Single();
        error.Message.Should().Be("'" + new string('x', 79) + "…' is not one of LAD, LCX, RCA, LM, OTHER");
    }
}
