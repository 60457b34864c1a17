namespace CtoRules.Storage.Corpus;

/// <summary>A corpus case as opened for editing: its name, logical path, text and the text's hash (to detect a later save).</summary>
public sealed record CorpusCaseDocument(string Name, string LogicalPath, string Text, string Hash);
