namespace CtoRules.Authoring.Mutations;

/// <summary>
/// One small change to one clause of one rule: a threshold moved one step across its boundary,
/// a comparison operator changed to its neighbour, or one value removed from an <c>in</c> list.
/// Its id is stable within a rule set: rule id, clause number and the changed clause.
/// </summary>
public sealed record Mutant(string Id, string RuleId, int Clause, MutationKind Kind, string Original, string Mutated)
{
    public override string ToString() => $"{RuleId} clause {Clause + 1}: {Original} → {Mutated}";
}
