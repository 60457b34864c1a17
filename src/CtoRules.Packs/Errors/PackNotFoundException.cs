namespace CtoRules.Packs;

/// <summary>The pack file does not exist, or is not a regular file that can be read (a folder, a device, a FIFO).</summary>
public sealed class PackNotFoundException(string file, string message) : PackException(file, message);
