namespace Digest.Web.Feeds;

/// <summary>One entry of an <see cref="AtomFeed"/>: a paper, or a digest day.</summary>
/// <param name="Id">Permanent absolute URI: the paper's (or day's) page on this instance.</param>
/// <param name="Title">Plain text, written as <c>type="text"</c>.</param>
/// <param name="Authors">Names in the source's order; may be empty (the feed then names its own author).</param>
/// <param name="Published">The paper's date, when it has one.</param>
/// <param name="Updated">Required by Atom: the paper's date, else the feed's.</param>
/// <param name="Summary">Plain text, written as <c>type="text"</c>: readers show it as text, never as markup.</param>
/// <param name="Links">The entry's page (alternate) and related pages.</param>
/// <param name="Categories">Topics and arXiv categories.</param>
public sealed record AtomEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    DateTimeOffset? Published,
    DateTimeOffset Updated,
    string? Summary,
    IReadOnlyList<AtomLink> Links,
    IReadOnlyList<AtomCategory> Categories);
