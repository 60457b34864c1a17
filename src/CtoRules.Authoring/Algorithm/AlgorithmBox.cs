using System.Collections.Immutable;

namespace CtoRules.Authoring.Algorithm;

/// <summary>
/// A box of the algorithm at a grid position (column, row), with the rules that encode it.
/// Its text is the review's wording, shortened.
/// </summary>
public sealed record AlgorithmBox(string Id, string Title, string Detail, int Column, int Row, ImmutableArray<string> Rules);
