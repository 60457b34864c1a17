using System.Collections.Immutable;
using CtoRules.Language.Conditions;

namespace CtoRules.Language.Rules;

/// <summary>A rule read and type-checked: immutable and ready to compile.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required RuleRole Role { get; init; }

    /// <summary>Advice rules: the stage the advice is for.</summary>
    public string? Stage { get; init; }

    /// <summary>Escalation order within the stage, 1 first.</summary>
    public int Step { get; init; } = 1;

    public string? Kind { get; init; }
    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>The condition as written (null = always).</summary>
    public string? When { get; init; }

    /// <summary>The bound condition (<see cref="BoundConstant"/> true when <see cref="When"/> is null).</summary>
    public required BoundCondition Condition { get; init; }

    public string? Text { get; init; }
    public ImmutableArray<string> References { get; init; } = [];

    /// <summary>Sections, tables and figures of the review the rule encodes (traceability).</summary>
    public ImmutableArray<string> Sections { get; init; } = [];

    /// <summary>Derived-fact rules: the name of the fact.</summary>
    public string? Derives { get; init; }

    /// <summary>Score items: the score, the item and its points.</summary>
    public string? Score { get; init; }
    public string? Item { get; init; }
    public double Points { get; init; }

    /// <summary>The Markdown rationale after the front matter.</summary>
    public string Rationale { get; init; } = "";

    /// <summary>The source file (logical path and full text).</summary>
    public required SourceFile Source { get; init; }
}
