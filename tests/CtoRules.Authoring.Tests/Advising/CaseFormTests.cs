using CtoRules.Authoring.Advising;
using CtoRules.Cases;

namespace CtoRules.Authoring.Tests.Advising;

public class CaseFormTests
{
    [Fact]
    public void The_form_has_every_case_field_grouped_by_block_in_contract_order()
    {
        CaseFormGroup.All.Select(g => g.Block).Should().Equal(CaseSchema.Blocks);
        CaseFormGroup.All.SelectMany(g => g.Fields).Should().Equal(CaseSchema.Fields);
    }

    [Fact]
    public void Every_field_starts_unknown_and_unknown_facts_are_left_out_of_the_case()
    {
        var form = new CaseForm();
        CaseSchema.Fields.Should().OnlyContain(f => form.IsUnknown(f.Path));
        form["procedure.stage"] = "planning";
        form["lesion.inStent"] = "false";

        var check = form.Check();
        check.IsValid.Should().BeTrue(string.Join("; ", check.Errors));
        check.Case!.Get("lesion.inStent").Should().Be("false", "false is a fact, not unknown");
        check.Case.Get("lesion.calcification").Should().BeNull();
        check.Case.HasBlock("ccta").Should().BeFalse("a block with no fact given is not claimed");
        form.ToJson().ToJsonString().Should().NotContain("ccta").And.NotContain("calcification");
    }

    [Fact]
    public void Clearing_a_value_makes_it_unknown_again()
    {
        var form = new CaseForm { ["lesion.lengthMm"] = "25" };
        form["lesion.lengthMm"] = "  ";
        form.IsUnknown("lesion.lengthMm").Should().BeTrue();
    }

    [Theory]
    [InlineData("lesion.lengthMm", "400", "400 is above the maximum 300")]
    [InlineData("patient.ageYears", "17", "17 is below the minimum 18")]
    [InlineData("patient.ageYears", "45.5", "integer")]
    [InlineData("lesion.lengthMm", "long", "number")]
    public void Out_of_range_or_malformed_values_get_the_validator_message_at_their_path(string path, string value, string message)
    {
        var form = new CaseForm { ["procedure.stage"] = "planning", [path] = value };
        var check = form.Check();
        check.IsValid.Should().BeFalse();
        check.ErrorFor(path).Should().Contain(message);
        check.OtherErrors.Should().BeEmpty();
    }

    [Fact]
    public void The_stage_is_required()
    {
        new CaseForm().Check().ErrorFor("procedure.stage").Should().Contain("required");
    }

    [Fact]
    public void A_bad_id_is_reported_at_id()
    {
        var form = new CaseForm { Id = "has spaces", ["procedure.stage"] = "planning" };
        form.Check().ErrorFor("id").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Yaml_and_json_load_into_the_form_and_download_round_trips()
    {
        var (form, check) = CaseForm.Load("""
            schema: ctorules/case@1
            id: loaded
            lesion: { calcification: severe, lengthMm: 30, bendOver45: false }
            procedure: { stage: crossing }
            """);
        check.IsValid.Should().BeTrue();
        form.Id.Should().Be("loaded");
        form["lesion.lengthMm"].Should().Be("30");
        form["lesion.bendOver45"].Should().Be("false");
        form.IsUnknown("lesion.vessel").Should().BeTrue();

        var (again, check2) = CaseForm.Load(form.ToJsonText());
        check2.IsValid.Should().BeTrue();
        again.Check().Case!.ToString().Should().Be(check.Case!.ToString());
    }

    [Fact]
    public void Loading_a_case_with_errors_reports_them_with_their_paths()
    {
        var (form, check) = CaseForm.Load("{\"schema\":\"ctorules/case@1\",\"id\":\"x\",\"lesion\":{\"lengthMm\":400,\"colour\":1},\"procedure\":{\"stage\":\"planning\"}}");
        check.IsValid.Should().BeFalse();
        check.ErrorFor("lesion.lengthMm").Should().Contain("above the maximum 300");
        check.OtherErrors.Should().Contain(e => e.Path == "lesion.colour");
        form["lesion.lengthMm"].Should().Be("400", "the value is kept so the author can correct it");
    }

    [Fact]
    public void Text_that_is_not_yaml_or_json_is_an_error_not_an_exception()
    {
        var (_, check) = CaseForm.Load("{ not json");
        check.IsValid.Should().BeFalse();
        check.Errors.Should().NotBeEmpty();
    }
}
