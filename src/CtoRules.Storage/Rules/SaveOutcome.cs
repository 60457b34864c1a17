namespace CtoRules.Storage.Rules;

/// <summary>How a save (or create, retire, restore) ended.</summary>
public enum SaveOutcome
{
    Saved,
    /// <summary>Someone saved the file since the editor opened it; nothing was written.</summary>
    Conflict,
    /// <summary>The rule set would have errors; nothing was written.</summary>
    Invalid,
    /// <summary>Missing comment, unknown rule, or the caller may not edit; nothing was written.</summary>
    Refused,
}
