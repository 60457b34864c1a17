namespace CtoRules.Authoring.Mutations;

public enum MutationKind
{
    /// <summary>A threshold moved one step (the field's resolution) down or up.</summary>
    Threshold,

    /// <summary>An operator changed to its neighbour: &lt; ↔ &lt;=, &gt; ↔ &gt;=, == ↔ !=.</summary>
    Operator,

    /// <summary>One value removed from an <c>in</c> / <c>not in</c> list of two or more.</summary>
    ListElement,
}
