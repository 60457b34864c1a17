using System.Collections.Immutable;
using CtoRules.Engine;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;

namespace CtoRules.Authoring.Workspace;

/// <summary>One loaded state of the working copy: the rule set, its advisor and its warnings.</summary>
public sealed record WorkingCopySnapshot(RuleSet RuleSet, Advisor Advisor, ImmutableArray<Diagnostic> Diagnostics);
