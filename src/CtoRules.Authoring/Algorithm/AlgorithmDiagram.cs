using System.Collections.Immutable;

namespace CtoRules.Authoring.Algorithm;

/// <summary>One panel of the review's algorithm: boxes on a grid and the arrows between them.</summary>
public sealed record AlgorithmDiagram(string Id, string Title, string Section, ImmutableArray<AlgorithmBox> Boxes, ImmutableArray<AlgorithmEdge> Edges)
{
    public AlgorithmBox Box(string id) => Boxes.Single(b => b.Id == id);
}
