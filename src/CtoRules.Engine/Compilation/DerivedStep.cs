using CtoRules.Engine.Facts;

namespace CtoRules.Engine.Compilation;

/// <summary>One derived-fact rule of the pre-pass: its index, its slot on the case, its compiled three-valued condition.</summary>
internal readonly record struct DerivedStep(int Rule, int Slot, Func<CaseFacts, Truth> Value);
