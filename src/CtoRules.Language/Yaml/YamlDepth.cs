using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CtoRules.Language.Yaml;

/// <summary>
/// Bounds the nesting of YAML before YamlDotNet's representation model reads it: that model
/// recurses once per level, so a few thousand nested <c>{"a":</c> in a front matter overflow the
/// stack and kill the process (found by fuzzing). The parser's events are read without recursion.
/// </summary>
public static class YamlDepth
{
    /// <summary>Far deeper than any rule file, score or bibliography needs.</summary>
    public const int MaxDepth = 64;

    /// <summary>The one-based line and column where <paramref name="yaml"/> passes <see cref="MaxDepth"/>, or null.</summary>
    /// <remarks>Syntax errors are left to the reader that follows, which reports them with their location.</remarks>
    public static (int Line, int Column)? FindTooDeep(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth) return ((int)parser.Current.Start.Line, (int)parser.Current.Start.Column);
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // Not this check's business: the reader reports it.
        }
        return null;
    }
}
