namespace CtoRules.Web.Tests.Security;

/// <summary>The kinds of caller of the authorisation matrix, in the order of its columns.</summary>
public enum Caller
{
    Anonymous,
    Author,
    Reviewer,
    Auditor,
    Admin,
    KeyEvaluate,
    KeyRead,
    CdsClient,
}
