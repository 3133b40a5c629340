namespace Digest.Core.Papers;

/// <summary>
/// A research paper as Digest knows it: the merged result of every source that mentioned it.
/// Parsers produce one of these per record (with only the facts their source carries);
/// the store merges them by <see cref="Id"/>.
/// </summary>
public sealed record Paper
{
    /// <summary>Stable id: the arXiv id without version when known, else a title-derived id (see <see cref="PaperId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The arXiv id without version (new style <c>2403.01234</c> or old style <c>hep-th/9901001</c>), when known.</summary>
    public string? ArxivId { get; init; }

    public required string Title { get; init; }

    public string Abstract { get; init; } = "";

    /// <summary>Authors in the order the source lists them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The TeX the title, abstract or authors were written in, where Digest decoded them to Unicode; null for most papers.</summary>
    public TexSource? TexSource { get; init; }

    /// <summary>Date of the first version (arXiv) or of publication as the source states it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Date of the latest version the sources reported.</summary>
    public DateOnly? Revised { get; init; }

    /// <summary>The digest days (daily pages) the paper appeared on, ascending.</summary>
    public IReadOnlyList<DateOnly> DigestDays { get; init; } = [];

    /// <summary>Source categories such as <c>cs.LG</c>; the primary category first when known.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Keywords given by a source (for example Hugging Face's <c>ai_keywords</c>).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Code repositories: given by the source or found in the abstract.</summary>
    public IReadOnlyList<string> CodeUrls { get; init; } = [];

    /// <summary>The project page, when a source gives one.</summary>
    public string? ProjectUrl { get; init; }

    /// <summary>DOI, when a source gives one.</summary>
    public string? Doi { get; init; }

    /// <summary>Where the paper was published, as arXiv's <c>journal-ref</c> states it (<c>Phys.Rev.D76:013009,2007</c>).</summary>
    public string? JournalRef { get; init; }

    /// <summary>The authors' comments on arXiv (<c>37 pages, 15 figures</c>).</summary>
    public string? Comments { get; init; }

    /// <summary>The institution's report number on arXiv (<c>report-no</c>, for example <c>ANL-HEP-PR-07-12</c>).</summary>
    public string? ReportNumber { get; init; }

    /// <summary>The licence URL arXiv distributes the paper under (see <see cref="PaperLicenses"/> for a readable name).</summary>
    public string? License { get; init; }

    /// <summary>Community upvotes (Hugging Face), when given; merges keep the highest seen.</summary>
    public int? Upvotes { get; init; }

    /// <summary>Upvotes from this instance's readers who are not disabled. Set by the store, never by a source.</summary>
    public int ReaderVotes { get; init; }

    /// <summary>Every vote trending counts: the source's upvotes plus this instance's readers'.</summary>
    public int Votes => (Upvotes ?? 0) + ReaderVotes;

    /// <summary>When a curator featured the paper (UTC), or null. Set by the store, never by a source.</summary>
    public DateTimeOffset? FeaturedAt { get; init; }

    /// <summary>
    /// The day arXiv withdrew the paper (an OAI-PMH record with <c>status="deleted"</c>), or null. A withdrawn paper is
    /// out of search but keeps its page, marked.
    /// </summary>
    public DateOnly? WithdrawnOn { get; init; }

    /// <summary>Topic slugs assigned by the taxonomy.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The source formats that contributed this paper, for example <c>digest-text</c>, <c>arxiv-atom</c>.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>When Digest first stored this paper (UTC). Set by the store.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>When the stored paper last gained a fact (UTC). Set by the store.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>arXiv abstract page, when the arXiv id is known.</summary>
    public string? AbsUrl => ArxivId is null ? null : ArxivLinks.Abstract(ArxivId);

    /// <summary>arXiv PDF, when the arXiv id is known.</summary>
    public string? PdfUrl => ArxivId is null ? null : ArxivLinks.Pdf(ArxivId);

    public bool HasCode => CodeUrls.Count > 0;
}
