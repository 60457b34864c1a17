namespace CtoRules.Storage.Identity;

/// <summary>A user operation that cannot be done, with a message fit for the user.</summary>
public sealed class UserAdministrationException(string message) : Exception(message);
