namespace CtoRules.Authoring.Algorithm;

/// <summary>An arrow from one box to another, with the condition written on it (may be empty).</summary>
public sealed record AlgorithmEdge(string From, string To, string Label = "");
