using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;
using CtoRules.Language.Rules;
using CtoRules.Packs;
using CtoRules.Packs.Signing;

namespace CtoRules.Authoring.Diffing;

/// <summary>
/// One side of a diff: a published pack or a rules folder (the working copy included).
/// <see cref="Version"/> is the pack's version, or the folder's with <c>-draft</c>.
/// </summary>
public sealed record RuleSetSide(string Label, RuleSet RuleSet, string Version, string? Digest)
{
    public bool IsPack => Digest is not null;

    /// <summary>
    /// Reads a pack (a file) or a rules folder (a folder with <c>ruleset.yaml</c>, or one with
    /// <c>rules/ruleset.yaml</c>). A pack is verified with <paramref name="trust"/>.
    /// </summary>
    public static RuleSetSide Load(string path, PackTrust? trust = null)
    {
        if (File.Exists(path))
        {
            var pack = RulePack.Load(path, trust ?? PackTrust.DigestOnly);
            return new RuleSetSide(path, pack.RuleSet, pack.Manifest.Version, pack.Digest);
        }
        var dir = path;
        if (!File.Exists(Path.Combine(dir, "ruleset.yaml")) && File.Exists(Path.Combine(dir, "rules", "ruleset.yaml")))
            dir = Path.Combine(dir, "rules");
        if (!Directory.Exists(dir)) throw new RuleSetSideException(path, "no such pack file or rules folder", []);
        var load = RuleSetReader.LoadDirectory(dir);
        if (load.RuleSet is not { } set)
            throw new RuleSetSideException(path, $"the rule set has {load.Diagnostics.Count(d => d.IsError)} error(s)", load.Diagnostics);
        return new RuleSetSide(path, set, set.Manifest.Version + "-draft", null);
    }
}

/// <summary>A diff side that cannot be read; <see cref="Diagnostics"/> says why for a rules folder.</summary>
public sealed class RuleSetSideException(string path, string message, ImmutableArray<Diagnostic> diagnostics)
    : Exception($"{path}: {message}")
{
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
}
