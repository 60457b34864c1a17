using System.Collections.Immutable;
using CtoRules.Language.Diagnostics;

namespace CtoRules.Packs;

/// <summary>
/// The pack verified, but its rules do not read under this library (a diagnostic with an error).
/// A pack is only published without diagnostics, so this means a library older or newer than the
/// publisher's in a way the engine format version did not capture.
/// </summary>
public sealed class PackContentException(string file, ImmutableArray<Diagnostic> diagnostics)
    : PackException(file, $"the rules of the pack do not read: {string.Join("; ", diagnostics.Where(d => d.IsError).Take(5))}")
{
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
}
