using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// The compiled "undecided" test of one advice rule or score item, and the derived facts (by
/// slot) it needs: like the NRules rule it replaces, it applies only when they all exist.
/// </summary>
internal sealed record UndecidedCheck(Func<CaseFacts, DerivedFact[], bool> Holds, int[] DerivedSlots);
