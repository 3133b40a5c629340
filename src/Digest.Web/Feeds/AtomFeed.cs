namespace Digest.Web.Feeds;

/// <summary>An Atom 1.0 feed (RFC 4287) as Digest serves it. Every text is untrusted store text; <see cref="AtomFeedWriter"/> encodes it.</summary>
/// <param name="Id">Permanent absolute URI of the feed (the view it follows).</param>
/// <param name="Title">Names the view: the query and its filters.</param>
/// <param name="Updated">When the feed last changed (see <see cref="FeedVersion"/>).</param>
/// <param name="SelfUrl">Absolute URL of the feed itself.</param>
/// <param name="AlternateUrl">Absolute URL of the page showing the same papers in the same order.</param>
/// <param name="Entries">Newest first.</param>
public sealed record AtomFeed(string Id, string Title, DateTimeOffset Updated, string SelfUrl, string AlternateUrl, IReadOnlyList<AtomEntry> Entries);
