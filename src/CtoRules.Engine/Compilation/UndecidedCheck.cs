using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Compilation;

/// <summary>
/// The compiled "undecided" test of one advice rule or score item: in scope, and its condition is
/// neither definitely true nor definitely false over the case and the derived facts it carries.
/// </summary>
internal sealed record UndecidedCheck(Func<CaseFacts, bool> Holds);
