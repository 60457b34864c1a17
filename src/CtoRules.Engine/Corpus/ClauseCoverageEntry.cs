using System.Collections.Immutable;

namespace CtoRules.Engine.Corpus;

/// <summary>One clause of a rule's condition and the corpus cases that make it true and false.</summary>
public sealed record ClauseCoverageEntry(string RuleId, int Clause, string Text, ImmutableArray<string> TrueIn, ImmutableArray<string> FalseIn)
{
    public bool Covered => !TrueIn.IsEmpty && !FalseIn.IsEmpty;
}
