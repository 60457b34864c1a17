using CtoRules.Cases;
using CtoRules.Fuzz.Fuzzing;
using CtoRules.Inputs;

namespace CtoRules.Fuzz.Targets;

/// <summary>
/// The case reader on YAML text (<see cref="CaseReader.ReadYaml"/>), after the strict UTF-8
/// decoding a case file gets. Generates alias bombs and deep nesting besides mutations.
/// </summary>
public sealed class CaseYamlTarget : FuzzTarget
{
    public override string Name => "case-yaml";

    public override string Description => "case@1 reader, YAML text (aliases, anchors, tags, duplicate keys, nesting)";

    public override IReadOnlyList<string> Dictionary { get; } = CaseVocabulary.Yaml;

    public override byte[]? Generate(Random random)
    {
        if (random.Next(8) != 0) return null;
        // A "billion laughs": every level repeats the previous one's alias.
        var width = 2 + random.Next(12);
        var levels = 2 + random.Next(12);
        var lines = new List<string> { $"a0: &a0 [{string.Join(", ", Enumerable.Repeat("x", width))}]" };
        for (var i = 1; i < levels; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", width))}]");
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }

    public override string Run(byte[] input) =>
        StrictUtf8.TryDecode(input, out var text, out _) ? CaseOutcome.Of(CaseReader.ReadYaml(text)) : "invalid-utf8";
}
