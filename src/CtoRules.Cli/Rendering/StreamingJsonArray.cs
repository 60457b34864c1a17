namespace CtoRules.Cli.Rendering;

/// <summary>
/// Writes <c>--format json</c> as it goes: one document alone, several as an array. Only the first
/// document is held back (until a second shows it is an array), so 10,000 files do not sit in memory.
/// </summary>
public sealed class StreamingJsonArray(TextWriter output)
{
    private string? _pending;
    private int _count;

    public void Add(string document)
    {
        _count++;
        if (_count == 1)
        {
            _pending = document;
            return;
        }
        if (_count == 2)
        {
            output.Write("[\n");
            output.Write(Indent(_pending!));
            _pending = null;
        }
        output.Write(",\n");
        output.Write(Indent(document));
    }

    public void End()
    {
        if (_count == 1) output.WriteLine(_pending);
        else if (_count > 1) output.Write("\n]\n");
    }

    private static string Indent(string document) => "  " + document.ReplaceLineEndings("\n  ");
}
