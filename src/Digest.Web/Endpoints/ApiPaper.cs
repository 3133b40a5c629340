namespace Digest.Web.Endpoints;

/// <summary>
/// The body of <c>/api/papers/{id}</c>: every fact the paper page shows. Topics are slugs; <see cref="Upvotes"/> are the
/// source's, <see cref="Votes"/> every vote trending counts; <see cref="WithdrawnOn"/> the day arXiv withdrew it, or null.
/// </summary>
internal sealed record ApiPaper(
    string Id,
    string? ArxivId,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    DateOnly? Revised,
    DateOnly? WithdrawnOn,
    IReadOnlyList<DateOnly> DigestDays,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> CodeUrls,
    string? ProjectUrl,
    string? Doi,
    string? DoiUrl,
    string? JournalRef,
    string? Comments,
    string? ReportNumber,
    string? License,
    string? LicenseName,
    int? Upvotes,
    int Votes,
    string? AbsUrl,
    string? PdfUrl,
    string Url,
    string BibTex,
    IReadOnlyList<ApiSearchResult> Related);
