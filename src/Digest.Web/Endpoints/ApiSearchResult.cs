namespace Digest.Web.Endpoints;

/// <summary>
/// One result in <c>/api/search</c>. <see cref="Snippet"/> is HTML: encoded text with <c>&lt;mark&gt;</c> only.
/// <see cref="Votes"/> counts the source's upvotes and this instance's readers' (what trending counts).
/// </summary>
internal sealed record ApiSearchResult(
    string Id,
    string? ArxivId,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Categories,
    bool HasCode,
    string? Snippet,
    string Url,
    int Votes);
