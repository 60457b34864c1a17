namespace CtoRules.Storage.Identity;

/// <summary>A created user; <see cref="OneTimePassword"/> is set when the password was generated.</summary>
public sealed record UserCreated(string Name, string Role, string? OneTimePassword);
