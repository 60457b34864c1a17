using CtoRules.Fuzz.Fuzzing;

namespace CtoRules.Fuzz.Targets;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All() =>
        [new ConditionTarget(), new RuleFileTarget(), new CaseJsonTarget(), new CaseYamlTarget(), new PackTarget(), new CdsHooksTarget()];

    public static FuzzTarget? Find(string name) => All().FirstOrDefault(t => t.Name == name);

    /// <summary>The target's built seeds, then its committed seed corpus.</summary>
    public static IReadOnlyList<byte[]> SeedsOf(FuzzTarget target) => [.. target.BuiltSeeds(), .. RepoFiles.Seeds(target.Name)];
}
