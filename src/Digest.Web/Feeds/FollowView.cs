namespace Digest.Web.Feeds;

/// <summary>
/// How a list page can be followed (<c>_FollowView</c>, and the feed autodiscovery link in the layout's head).
/// </summary>
/// <param name="FeedUrl">The page's feed (see <see cref="FeedUrls"/>), relative.</param>
/// <param name="Title">Names the view being followed, as the page's title does.</param>
public sealed record FollowView(string FeedUrl, string Title)
{
    /// <summary>The key pages store it under in ViewData for the layout.</summary>
    public const string ViewDataKey = "Follow";

    /// <summary>The autodiscovery link's title: what a feed reader lists.</summary>
    public string FeedTitle => Title + " · Digest (Atom feed)";
}
