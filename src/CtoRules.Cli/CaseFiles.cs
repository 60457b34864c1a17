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

    /// <summary>
    /// One case from standard input (<c>evaluate -</c>): JSON when it starts with '{', else YAML;
    /// read with the same byte limit and strict UTF-8 as a file.
    /// </summary>
    public static CaseReadResult ReadStandardInput(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > CaseSchema.MaxInputBytes) return CaseReader.ReadUtf8Json(new byte[CaseSchema.MaxInputBytes + 1]);
            buffer.Write(chunk, 0, n);
        }
        if (!CtoRules.Inputs.StrictUtf8.TryDecode(buffer.ToArray(), out var text, out var error))
            return new CaseReadResult(null, [new CaseError("$", error!)]);
        return text.TrimStart().StartsWith('{') ? CaseReader.ReadJson(text) : CaseReader.ReadYaml(text);
    }

    private static bool LooksLikeCorpusCase(string path)
    {
        try
        {
            var read = CtoRules.Inputs.InputFile.ReadText(path, CaseSchema.MaxInputBytes);
            if (read.Text is not { } text) return false;
            JsonNode? node = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonText.Parse(text).Node : YamlJson.YamlToJson(text);
            return node is JsonObject o && o["schema"] is JsonValue v && v.TryGetValue<string>(out var s) && s == CorpusCase.SchemaId;
        }
        catch (Exception e) when (e is YamlJsonException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
