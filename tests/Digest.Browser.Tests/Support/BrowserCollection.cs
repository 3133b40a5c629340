namespace Digest.Browser.Tests.Support;

/// <summary>One app and one browser for all browser tests: starting Chromium is the slow part. Tests only read.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
