using CtoRules.Cases;

namespace CtoRules.Storage.Rules;

/// <summary>The text of a new advice rule for a stage: valid as it stands, so the author starts from no errors.</summary>
public static class RuleTemplates
{
    public static string ForStage(string stage, string id, string title) =>
        $"""
        ---
        id: {id}
        version: 1
        title: {System.Text.Json.JsonSerializer.Serialize(title)}
        stage: {stage}
        step: 1
        kind: note
        actions: [{FirstAction}]
        when: procedure.stage == {stage}
        text: "Say what to do, in one sentence."
        references: [eurocto-2023]
        ---
        Explain, in our own words, what the review says and why this rule encodes it.

        """;

    public static IReadOnlyList<string> Stages => CaseSchema.Stages;

    private static string FirstAction => CtoRules.Advice.Vocabulary.Actions[0].Code;
}
