using CtoRules.Cases;
using CtoRules.Language.Conditions;

namespace CtoRules.Language.Tests;

public class ConditionBinderTests
{
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal) { "heavyCalcification", "longOcclusion" };

    private static ConditionBindResult Bind(string text)
    {
        var parsed = ConditionParser.Parse(text);
        parsed.Errors.Should().BeEmpty("'{0}' must parse", text);
        return ConditionBinder.Bind(parsed.Syntax!, Derived);
    }

    private static BoundCondition BindOk(string text)
    {
        var result = Bind(text);
        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
        return result.Condition!;
    }

    private static ConditionError BindError(string text)
    {
        var result = Bind(text);
        result.Condition.Should().BeNull("a condition with errors is not bound");
        return result.Errors.Should().ContainSingle().Subject;
    }

    private static FactField F(string path) => CaseSchema.Find(path)!;

    // ---- successful binds --------------------------------------------------------------------

    [Fact]
    public void A_bare_boolean_path_is_true_compared_with_one() =>
        BindOk("lesion.inStent").Should().Be(new BoundCompare(F("lesion.inStent"), CompareOp.Equal, 1));

    [Theory]
    [InlineData("lesion.inStent == true", CompareOp.Equal, 1)]
    [InlineData("lesion.inStent == false", CompareOp.Equal, 0)]
    [InlineData("lesion.inStent != true", CompareOp.NotEqual, 1)]
    public void Boolean_literals_are_encoded_as_one_and_zero(string text, CompareOp op, double value) =>
        BindOk(text).Should().Be(new BoundCompare(F("lesion.inStent"), op, value));

    [Theory]
    [InlineData("ivus.calciumDistribution == concentric", "ivus.calciumDistribution", 0)]
    [InlineData("ivus.calciumDistribution == eccentric", "ivus.calciumDistribution", 1)]
    [InlineData("lesion.vessel == RCA", "lesion.vessel", 2)]
    [InlineData("procedure.proximalCap == not-attempted", "procedure.proximalCap", 0)]
    [InlineData("procedure.proximalCap == impenetrable", "procedure.proximalCap", 2)]
    [InlineData("procedure.stage == lesion-preparation", "procedure.stage", 3)]
    public void Enum_literals_are_encoded_as_their_ordinal(string text, string path, double ordinal) =>
        BindOk(text).Should().Be(new BoundCompare(F(path), CompareOp.Equal, ordinal));

    [Theory]
    [InlineData("lesion.lengthMm >= 20", CompareOp.GreaterOrEqual, 20)]
    [InlineData("lesion.lengthMm < 19.9", CompareOp.Less, 19.9)]
    [InlineData("lesion.lengthMm <= 0", CompareOp.LessOrEqual, 0)]
    [InlineData("lesion.lengthMm > 300", CompareOp.Greater, 300)]
    [InlineData("lesion.lengthMm != 10", CompareOp.NotEqual, 10)]
    public void Numbers_are_kept_as_written(string text, CompareOp op, double value) =>
        BindOk(text).Should().Be(new BoundCompare(F("lesion.lengthMm"), op, value));

    [Fact]
    public void In_lists_of_enum_values_are_encoded_as_ordinals()
    {
        var i = BindOk("procedure.deviceCrossing not in [uncrossable, not-attempted]").Should().BeOfType<BoundIn>().Subject;
        i.Field.Should().Be(F("procedure.deviceCrossing"));
        i.Negated.Should().BeTrue();
        i.Values.Should().Equal(2, 0);
        i.ToString().Should().Be("procedure.deviceCrossing not in [uncrossable, not-attempted]");
    }

    [Fact]
    public void In_lists_of_numbers_are_allowed_for_numeric_fields()
    {
        var i = BindOk("patient.ageYears in [70, 80]").Should().BeOfType<BoundIn>().Subject;
        i.Negated.Should().BeFalse();
        i.Values.Should().Equal(70, 80);
    }

    [Fact]
    public void Known_of_a_block_and_of_a_field()
    {
        BindOk("known(ivus)").Should().Be(new BoundKnownBlock("ivus"));
        BindOk("known(ivus)").Should().BeOfType<BoundKnownBlock>().Which.Index.Should().Be(3);
        BindOk("known(lesion.lengthMm)").Should().Be(new BoundKnownField(F("lesion.lengthMm")));
    }

    [Fact]
    public void Derived_facts_are_bound_by_name()
    {
        BindOk("heavyCalcification").Should().Be(new BoundDerived("heavyCalcification"));
        BindOk("not heavyCalcification").Should().Be(new BoundNot(new BoundDerived("heavyCalcification")));
    }

    [Fact]
    public void Constants_and_connectives_keep_their_shape()
    {
        var bound = BindOk("true and not false or heavyCalcification and lesion.inStent");
        bound.Should().Be(new BoundOr(
            new BoundAnd(new BoundConstant(true), new BoundNot(new BoundConstant(false))),
            new BoundAnd(new BoundDerived("heavyCalcification"), new BoundCompare(F("lesion.inStent"), CompareOp.Equal, 1))));
        bound.ToString().Should().Be("((true and not false) or (heavyCalcification and lesion.inStent == true))");
    }

    [Fact]
    public void Bound_conditions_list_the_derived_facts_and_case_paths_they_read()
    {
        var bound = BindOk("heavyCalcification and (known(ivus) or lesion.lengthMm > 20) and not longOcclusion and known(ccta.lengthMm) and lesion.vessel in [LAD]");
        bound.DerivedFacts().Should().BeEquivalentTo("heavyCalcification", "longOcclusion");
        bound.CasePaths().Should().BeEquivalentTo("ivus", "lesion.lengthMm", "ccta.lengthMm", "lesion.vessel");
    }

    // ---- CTO3001 unknown path --------------------------------------------------------------

    [Theory]
    [InlineData("lesion.lenghtMm > 20", "unknown path 'lesion.lenghtMm'; did you mean 'lesion.lengthMm'?")]
    [InlineData("ivus.calciumDistributon == eccentric", "unknown path 'ivus.calciumDistributon'; did you mean 'ivus.calciumDistribution'?")]
    [InlineData("heavyCalcificaton", "unknown path 'heavyCalcificaton'; did you mean 'heavyCalcification'?")]
    [InlineData("known(cta)", "unknown path 'cta'; did you mean 'ccta'?")]
    [InlineData("foo.bar == 1", "unknown path 'foo.bar'")]
    public void Unknown_paths_are_CTO3001_with_a_suggestion_when_one_is_close(string text, string message)
    {
        var e = BindError(text);
        e.Code.Should().Be("CTO3001");
        e.Message.Should().Be(message);
        e.Offset.Should().Be(text.StartsWith("known(", StringComparison.Ordinal) ? 6 : 0);
    }

    /// <summary>
    /// The example of docs/rule-format.md: a path cut short by five letters is beyond the edit
    /// distance limit but is completed.
    /// </summary>
    [Fact]
    public void A_truncated_path_gets_a_did_you_mean_suggestion() =>
        BindError("ivus.calciumDistrib == eccentric").Should().Be(new ConditionError("CTO3001",
            "unknown path 'ivus.calciumDistrib'; did you mean 'ivus.calciumDistribution'?", 0));

    [Fact]
    public void Every_unknown_path_is_reported()
    {
        var result = Bind("foo.bar == 1 and lesion.inStent and baz.qux == 2");
        result.Condition.Should().BeNull();
        result.Errors.Should().Equal(
            new ConditionError("CTO3001", "unknown path 'foo.bar'", 0),
            new ConditionError("CTO3001", "unknown path 'baz.qux'", 36));
    }

    // ---- CTO3002 unknown enum value ------------------------------------------------------

    [Theory]
    [InlineData("ivus.calciumDistribution == eccentrc", 28,
        "'eccentrc' is not a value of ivus.calciumDistribution (concentric, eccentric); did you mean 'eccentric'?")]
    [InlineData("lesion.vessel == lad", 17,
        "'lad' is not a value of lesion.vessel (LAD, LCX, RCA, LM, OTHER); did you mean 'LAD'?")]
    [InlineData("lesion.vessel in [LAD, XYZ]", 23,
        "'XYZ' is not a value of lesion.vessel (LAD, LCX, RCA, LM, OTHER)")]
    [InlineData("procedure.deviceCrossing == not-attemted", 28,
        "'not-attemted' is not a value of procedure.deviceCrossing (not-attempted, crossed, uncrossable); did you mean 'not-attempted'?")]
    public void Unknown_enum_values_are_CTO3002(string text, int offset, string message) =>
        BindError(text).Should().Be(new ConditionError("CTO3002", message, offset));

    // ---- CTO3003 type mismatch -------------------------------------------------------------

    [Theory]
    [InlineData("ivus.calciumDistribution == 3", 28,
        "ivus.calciumDistribution is an enum of concentric, eccentric and cannot be compared with the number 3")]
    [InlineData("lesion.vessel == true", 17,
        "lesion.vessel is an enum of LAD, LCX, RCA, LM, OTHER and cannot be compared with the boolean true")]
    [InlineData("lesion.lengthMm == long", 19, "lesion.lengthMm is a number and cannot be compared with the value 'long'")]
    [InlineData("lesion.lengthMm == true", 19, "lesion.lengthMm is a number and cannot be compared with the boolean true")]
    [InlineData("patient.ageYears > old", 19, "patient.ageYears is an integer and cannot be compared with the value 'old'")]
    [InlineData("lesion.inStent == 1", 18, "lesion.inStent is a boolean and cannot be compared with the number 1")]
    [InlineData("lesion.inStent == yes", 18, "lesion.inStent is a boolean and cannot be compared with the value 'yes'")]
    [InlineData("lesion.lengthMm in [20, x]", 24, "lesion.lengthMm is a number and cannot be compared with the value 'x'")]
    public void Literals_of_the_wrong_type_are_CTO3003(string text, int offset, string message) =>
        BindError(text).Should().Be(new ConditionError("CTO3003", message, offset));

    // ---- CTO3004 operator not allowed ----------------------------------------------------

    [Theory]
    [InlineData("ivus.calciumDistribution > eccentric", "operator '>' cannot be used with ivus.calciumDistribution (an enum of concentric, eccentric)")]
    [InlineData("procedure.stage >= crossing", "operator '>=' cannot be used with procedure.stage (an enum of planning, crossing, device-crossing, lesion-preparation, stent-optimisation)")]
    [InlineData("lesion.inStent < true", "operator '<' cannot be used with lesion.inStent (a boolean)")]
    [InlineData("lesion.inStent <= false", "operator '<=' cannot be used with lesion.inStent (a boolean)")]
    [InlineData("lesion.inStent in [true]", "operator 'in' cannot be used with lesion.inStent (a boolean)")]
    [InlineData("lesion.inStent not in [true]", "operator 'in' cannot be used with lesion.inStent (a boolean)")]
    public void Ordering_and_in_on_enums_or_booleans_are_CTO3004(string text, string message) =>
        BindError(text).Should().Be(new ConditionError("CTO3004", message, 0));

    [Theory]
    [InlineData("heavyCalcification == true")]
    [InlineData("heavyCalcification != false")]
    [InlineData("heavyCalcification in [true]")]
    public void A_derived_fact_used_with_a_comparison_is_CTO3004(string text) =>
        BindError(text).Should().Be(new ConditionError("CTO3004",
            "a derived fact is true or false: use 'heavyCalcification' or 'not heavyCalcification', not a comparison", 0));

    // ---- CTO3005 out-of-range literal (warning) ------------------------------------------

    [Theory]
    [InlineData("lesion.lengthMm > 400", 18, "400 is outside the range of lesion.lengthMm (0–300); the comparison is constant")]
    [InlineData("lesion.lengthMm > -1", 18, "-1 is outside the range of lesion.lengthMm (0–300); the comparison is constant")]
    [InlineData("lesion.lengthMm <= 300.5", 19, "300.5 is outside the range of lesion.lengthMm (0–300); the comparison is constant")]
    [InlineData("patient.ageYears in [10, 20]", 21, "10 is outside the range of patient.ageYears (18–110); the comparison is constant")]
    [InlineData("lesion.distalVesselDiameterMm > 8.5", 32, "8.5 is outside the range of lesion.distalVesselDiameterMm (0–8); the comparison is constant")]
    public void Out_of_range_literals_are_a_CTO3005_warning_and_still_bind(string text, int offset, string message)
    {
        var result = Bind(text);
        result.Errors.Should().BeEmpty();
        result.Condition.Should().NotBeNull("a warning does not stop binding");
        result.Warnings.Should().Equal(new ConditionError("CTO3005", message, offset));
    }

    [Theory]
    [InlineData("lesion.lengthMm >= 0")]
    [InlineData("lesion.lengthMm <= 300")]
    [InlineData("patient.ageYears < 18")]
    [InlineData("patient.ageYears == 110")]
    public void Literals_at_the_ends_of_the_range_give_no_warning(string text) =>
        Bind(text).Warnings.Should().BeEmpty();

    // ---- CTO3006 non-boolean bare path -----------------------------------------------------

    [Theory]
    [InlineData("lesion.lengthMm", "lesion.lengthMm is a number; compare it with a value")]
    [InlineData("patient.ageYears", "patient.ageYears is an integer; compare it with a value")]
    [InlineData("lesion.vessel", "lesion.vessel is an enum of LAD, LCX, RCA, LM, OTHER; compare it with a value")]
    public void A_bare_path_that_is_not_boolean_is_CTO3006(string text, string message) =>
        BindError(text).Should().Be(new ConditionError("CTO3006", message, 0));

    [Fact]
    public void CTO3006_points_at_the_path_inside_a_larger_condition() =>
        BindError("lesion.inStent and not lesion.lengthMm")
            .Should().Be(new ConditionError("CTO3006", "lesion.lengthMm is a number; compare it with a value", 23));

    // ---- CTO3007 known() of a derived fact --------------------------------------------------

    [Fact]
    public void Known_of_a_derived_fact_is_CTO3007() =>
        BindError("known(heavyCalcification)").Should().Be(new ConditionError("CTO3007",
            "known() takes a case path or block, not the derived fact 'heavyCalcification'", 6));

    // ---- CTO3010 block used as a value ------------------------------------------------------

    [Theory]
    [InlineData("ivus", "'ivus' is a block; use known(ivus)")]
    [InlineData("lesion", "'lesion' is a block; use known(lesion)")]
    [InlineData("ccta == true", "'ccta' is a block; use known(ccta)")]
    [InlineData("procedure in [x]", "'procedure' is a block; use known(procedure)")]
    public void A_block_used_as_a_value_is_CTO3010(string text, string message) =>
        BindError(text).Should().Be(new ConditionError("CTO3010", message, 0));

    // ---- collecting ----------------------------------------------------------------------

    [Fact]
    public void All_errors_of_a_condition_are_collected_in_text_order()
    {
        var result = Bind("ivus and lesion.lengthMm and ivus.calciumDistribution > eccentric and known(longOcclusion)");
        result.Condition.Should().BeNull();
        result.Errors.Select(e => (e.Code, e.Offset)).Should().Equal(
            ("CTO3010", 0), ("CTO3006", 9), ("CTO3004", 29), ("CTO3007", 76));
    }

    [Fact]
    public void Unknown_derived_facts_are_unknown_paths_when_no_derived_fact_is_defined()
    {
        var parsed = ConditionParser.Parse("heavyCalcification");
        var result = ConditionBinder.Bind(parsed.Syntax!, new HashSet<string>());
        result.Errors.Should().Equal(new ConditionError("CTO3001", "unknown path 'heavyCalcification'", 0));
    }
}
