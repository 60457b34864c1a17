namespace CtoRules.Authoring.Editing;

/// <summary>A diagnostic placed in the condition editor (one-based lines and columns, end exclusive), as Monaco's markers want it.</summary>
public sealed record EditorMarker(string Code, string Message, bool IsError, int StartLine, int StartColumn, int EndLine, int EndColumn);
