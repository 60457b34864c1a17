namespace CtoRules.Storage;

/// <summary>The database engines the site runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
