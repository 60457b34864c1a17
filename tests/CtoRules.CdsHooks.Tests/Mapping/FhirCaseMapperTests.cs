using CtoRules.Cases;
using CtoRules.CdsHooks.Mapping;
using Hl7.Fhir.Model;

namespace CtoRules.CdsHooks.Tests.Mapping;

public class FhirCaseMapperTests
{
    private static readonly FhirCaseMapper Mapper = new(FhirMappingTable.Default);
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static CaseMapping Map(params Resource[] resources) => Mapper.Map("t-1", resources, "planning", Today);

    private static Observation Obs(FhirCode code, DataType value, string id = "o1") => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(code.System, code.Code),
        Value = value,
    };

    public static TheoryData<string, string, string> Entries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var e in FhirMappingTable.Default.Entries)
            foreach (var c in e.Codes)
                data.Add(e.Path, e.Resource, c.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_code_in_the_table_fills_its_case_path(string path, string resource, string code)
    {
        var entry = FhirMappingTable.Default.Entries.First(e => e.Path == path && e.Resource == resource);
        var fc = entry.Codes.First(c => c.ToString() == code);
        var field = CaseSchema.Find(path)!;
        Resource r;
        string expected;
        switch (entry.Value)
        {
            case FhirValueKind.Quantity:
                var unit = entry.Units.First(u => u.Value == 1).Key;
                var v = (field.Minimum!.Value + field.Maximum!.Value) / 4;
                r = Obs(fc, new Quantity((decimal)v, unit, "http://unitsofmeasure.org"));
                expected = field.Render(field.Type == FactType.Integer ? Math.Floor(v) : v);
                break;
            case FhirValueKind.Boolean:
                r = Obs(fc, new FhirBoolean(true));
                expected = "true";
                break;
            case FhirValueKind.Code:
                var value = field.Values[^1];
                r = Obs(fc, new CodeableConcept(FhirMappingTable.CtoFindingsSystem, value));
                expected = value;
                break;
            default:
                r = resource == "Condition"
                    ? new Condition { Id = "c1", Code = new CodeableConcept(fc.System, fc.Code) }
                    : new Hl7.Fhir.Model.Procedure { Id = "p1", Status = EventStatus.Completed, Code = new CodeableConcept(fc.System, fc.Code) };
                expected = "true";
                break;
        }
        // Stage must stay consistent with what the value implies (e.g. stentImplanted needs stent-optimisation).
        var stage = path.StartsWith("procedure.", StringComparison.Ordinal) && path != "procedure.stage" ? "stent-optimisation" : "planning";
        var mapping = Mapper.Map("t-1", [r], stage, Today);
        mapping.Facts.Should().ContainSingle(f => f.Path == path).Which.Value.Should().Be(expected);
        mapping.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Patient_birth_date_gives_the_age_in_whole_years()
    {
        var m = Map(new Patient { Id = "p", BirthDate = "1958-12-06" });
        m.Case!.Get("patient.ageYears").Should().Be("67");
    }

    [Theory]
    [InlineData("lesion-length", 3.2, "cm", "lesion.lengthMm", "32")]
    [InlineData("lesion-duration", 2, "a", "lesion.durationMonths", "24")]
    [InlineData("ccta-max-calcium-arc", 3.14159265, "rad", "ccta.maxCalciumArcDeg", "180")]
    [InlineData("ivus-calcium-arc", 270, "deg", "ivus.calciumArcDeg", "270")]
    public void Units_are_converted_to_the_case_unit(string code, double value, string unit, string path, string expected)
    {
        var m = Map(Obs(new FhirCode(FhirMappingTable.CtoFindingsSystem, code), new Quantity((decimal)value, unit, "http://unitsofmeasure.org")));
        double.Parse(m.Case!.Get(path)!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeApproximately(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), 0.01);
    }

    [Fact]
    public void EGFR_in_mL_per_second_is_converted_to_mL_per_minute()
    {
        var m = Map(Obs(new FhirCode("http://loinc.org", "98979-8"), new Quantity(0.5m, "mL/s/{1.73_m2}", "http://unitsofmeasure.org")));
        m.Case!.Get("patient.egfr").Should().Be("30");
    }

    [Fact]
    public void An_unknown_code_is_ignored_with_a_note()
    {
        var m = Map(Obs(new FhirCode("http://loinc.org", "2160-0"), new Quantity(1.1m, "mg/dL", "http://unitsofmeasure.org")));
        m.Facts.Should().BeEmpty();
        m.Notes.Should().ContainSingle().Which.Should().Contain("http://loinc.org|2160-0").And.Contain("not in the mapping table");
        m.Case!.HasBlock("patient").Should().BeFalse();
    }

    [Fact]
    public void An_unknown_unit_is_ignored_with_a_note_and_the_fact_stays_unknown()
    {
        var m = Map(Obs(new FhirCode(FhirMappingTable.CtoFindingsSystem, "lesion-length"), new Quantity(1.2m, "[in_i]", "http://unitsofmeasure.org")));
        m.Case!.Get("lesion.lengthMm").Should().BeNull();
        m.Notes.Should().ContainSingle().Which.Should().Contain("unit '[in_i]'");
    }

    [Fact]
    public void A_refuted_condition_says_no_and_an_absent_one_says_nothing()
    {
        var refuted = new Condition
        {
            Id = "c1",
            Code = new CodeableConcept("http://snomed.info/sct", "22298006"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted"),
        };
        Map(refuted).Case!.Get("patient.priorMi").Should().Be("false");
        Map().Case!.Get("patient.priorMi").Should().BeNull();
    }

    [Fact]
    public void A_procedure_not_done_leaves_prior_cabg_unknown()
    {
        var m = Map(new Hl7.Fhir.Model.Procedure { Id = "p1", Status = EventStatus.NotDone, Code = new CodeableConcept("http://snomed.info/sct", "232717009") });
        m.Case!.Get("patient.priorCabg").Should().BeNull();
        m.Notes.Should().ContainSingle().Which.Should().Contain("NotDone");
    }

    [Fact]
    public void The_latest_observation_wins_and_the_older_one_is_noted()
    {
        var code = new FhirCode("http://loinc.org", "62238-1");
        var old = Obs(code, new Quantity(60, "mL/min/{1.73_m2}", "http://unitsofmeasure.org"), "old");
        old.Effective = new FhirDateTime("2025-01-01");
        var recent = Obs(code, new Quantity(35, "mL/min/{1.73_m2}", "http://unitsofmeasure.org"), "new");
        recent.Effective = new FhirDateTime("2026-11-01");
        var m = Map(old, recent);
        m.Case!.Get("patient.egfr").Should().Be("35");
        m.Notes.Should().ContainSingle().Which.Should().Contain("Observation/old");
    }

    [Fact]
    public void A_value_outside_the_case_range_is_not_clamped_but_left_unknown_with_a_note()
    {
        var m = Map(Obs(new FhirCode("http://loinc.org", "62238-1"), new Quantity(250, "mL/min/{1.73_m2}", "http://unitsofmeasure.org")));
        m.Case!.Get("patient.egfr").Should().BeNull();
        m.Notes.Should().ContainSingle().Which.Should().Contain("patient.egfr");
    }

    [Fact]
    public void A_table_with_an_unknown_path_is_refused_naming_the_entry()
    {
        var act = () => FhirMappingTable.Parse("systems: { loinc: http://loinc.org }\nentries:\n  - { path: patient.egfrr, resource: Observation, codes: [loinc#62238-1], value: quantity, units: { x: 1 } }\n");
        act.Should().Throw<FormatException>().WithMessage("entries[0] (patient.egfrr): 'patient.egfrr' is not a case@1 path");
    }
}
