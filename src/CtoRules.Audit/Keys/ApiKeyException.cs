namespace CtoRules.Audit.Keys;

/// <summary>A key request that cannot be done (a duplicate name, an unknown scope or key); the message says which.</summary>
public sealed class ApiKeyException(string message) : Exception(message);
