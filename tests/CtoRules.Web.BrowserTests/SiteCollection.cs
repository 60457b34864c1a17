namespace CtoRules.Web.BrowserTests;

/// <summary>Every browser test class joins this collection: one host and one Chromium for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
