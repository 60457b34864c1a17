using System.Text.Json.Nodes;
using CtoRules.Cases;
using CtoRules.Engine.Corpus;

namespace CtoRules.Cli;

/// <summary>Reads the case of a case@1 file, or of a corpus-case@1 file (its <c>case</c> block).</summary>
public static class CaseFiles
{
    public static CaseReadResult Read(string path)
    {
        var result = CaseReader.ReadFile(path);
        if (result.IsValid || !LooksLikeCorpusCase(path)) return result;
        var corpus = CorpusReader.ReadFile(path);
        return corpus.Case is not null ? new CaseReadResult(corpus.Case, []) : new CaseReadResult(null, [.. corpus.Errors]);
    }

    private static bool LooksLikeCorpusCase(string path)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > CaseSchema.MaxInputBytes) return false;
            var text = File.ReadAllText(path);
            JsonNode? node = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonText.Parse(text).Node : YamlJson.YamlToJson(text);
            return node is JsonObject o && o["schema"] is JsonValue v && v.TryGetValue<string>(out var s) && s == CorpusCase.SchemaId;
        }
        catch (Exception e) when (e is YamlJsonException or IOException)
        {
            return false;
        }
    }
}
