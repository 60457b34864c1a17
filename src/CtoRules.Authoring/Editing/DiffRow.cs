namespace CtoRules.Authoring.Editing;

/// <summary>One row of a side-by-side diff; a side is null where that text has no line.</summary>
public sealed record DiffRow(int? OldNumber, string? OldText, int? NewNumber, string? NewText, DiffRowKind Kind);
