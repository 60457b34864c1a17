using System.Security.Cryptography;

namespace CtoRules.Authoring.Publishing;

/// <summary>What <see cref="PackPublisher.Publish"/> publishes, from where, to where.</summary>
public sealed record PublishOptions
{
    public required string RulesDirectory { get; init; }

    /// <summary>The references folder (default: <c>references/</c> beside the rules).</summary>
    public string? ReferencesDirectory { get; init; }

    public required string CorpusDirectory { get; init; }
    public required string PacksDirectory { get; init; }

    /// <summary>The version to publish; must be the one <c>rules/ruleset.yaml</c> says (null = that one).</summary>
    public string? Version { get; init; }

    /// <summary>The P-256 key to sign with; null = unsigned.</summary>
    public ECDsa? SigningKey { get; init; }

    /// <summary>Publish a version below the suggested bump anyway, for this reason (recorded in the manifest).</summary>
    public string? ForceReason { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called with the temporary file once it is written and before it is renamed (tests).</summary>
    public Action<string>? BeforeCommit { get; init; }
}
