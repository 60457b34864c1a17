namespace CtoRules.Audit.Retention;

/// <summary>What an archive run moved: records <see cref="FromId"/>..<see cref="ToId"/> to <see cref="File"/> (Count 0: nothing was old enough).</summary>
public sealed record ArchiveResult(int Count, long FromId, long ToId, string? File, string? LastHash);
