namespace CtoRules.Fuzz.Fuzzing;

/// <summary>
/// One reader of untrusted text under fuzzing. <see cref="Run"/> returns a short outcome key (a
/// diagnostic code, "valid", an error's first words) for inputs that were handled; anything it
/// throws is a finding. Outcome keys guide the fuzzer: an input with a new key joins the corpus.
/// </summary>
public abstract class FuzzTarget
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Words and fragments the mutator splices in (keywords, punctuation, hostile values).</summary>
    public virtual IReadOnlyList<string> Dictionary => [];

    /// <summary>Runs one input. Returns the outcome key; throws only on a defect.</summary>
    public abstract string Run(byte[] input);

    /// <summary>Seeds the target builds itself (from the repository's files), run before the committed ones.</summary>
    public virtual IEnumerable<byte[]> BuiltSeeds() => [];

    /// <summary>Inputs built by the target itself (grammar- or structure-aware); null to mutate a corpus input.</summary>
    public virtual byte[]? Generate(Random random) => null;
}
