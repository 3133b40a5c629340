namespace Digest.Core.Configuration;

/// <summary>Which of arXiv's two daily listing feeds an <see cref="RemoteSourceKind.ArxivListing"/> source reads; both carry the same items.</summary>
public enum ArxivListingFormat
{
    /// <summary>RSS 2.0: <c>{BaseUrl}/rss/{category}</c>.</summary>
    Rss,

    /// <summary>Atom 1.0: <c>{BaseUrl}/atom/{category}</c>.</summary>
    Atom,
}
