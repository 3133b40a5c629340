using Digest.Core.Papers;

namespace Digest.Core.Search;

/// <summary>One paper in a result list, read from the index's stored fields.</summary>
public sealed record SearchResult
{
    public required string Id { get; init; }

    public string? ArxivId { get; init; }

    /// <summary>Plain title (not encoded).</summary>
    public required string Title { get; init; }

    /// <summary>HTML-safe title: encoded text with <c>&lt;mark&gt;</c> around matched terms.</summary>
    public required string TitleHtml { get; init; }

    /// <summary>HTML-safe snippet of the abstract (~250 characters): encoded text, only <c>&lt;mark&gt;</c> markup. Null when snippets were not requested.</summary>
    public string? SnippetHtml { get; init; }

    /// <summary>Plain abstract (not encoded), as stored; for feeds, which carry it whole as text.</summary>
    public string Abstract { get; init; } = "";

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>
    /// The publication date a source stated, or null. A paper known only from digest text has none: it is filed
    /// (sorted, filtered) under <see cref="FirstDigestDay"/>, which must never be shown as its publication date.
    /// </summary>
    public DateOnly? Published { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> CodeUrls { get; init; } = [];

    public bool HasCode => CodeUrls.Count > 0;

    /// <summary>arXiv abstract page, when the arXiv id is known.</summary>
    public string? AbsUrl => ArxivId is null ? null : ArxivLinks.Abstract(ArxivId);

    /// <summary>arXiv PDF, when the arXiv id is known.</summary>
    public string? PdfUrl => ArxivId is null ? null : ArxivLinks.Pdf(ArxivId);

    /// <summary>The digest days the paper appeared on, ascending.</summary>
    public IReadOnlyList<DateOnly> DigestDays { get; init; } = [];

    /// <summary>The first digest day the paper appeared on, or null.</summary>
    public DateOnly? FirstDigestDay => DigestDays.Count > 0 ? DigestDays[0] : null;

    /// <summary>The source's upvotes (Hugging Face), when it gave them.</summary>
    public int? Upvotes { get; init; }

    /// <summary>Every vote the trending score counts: the source's upvotes plus this instance's readers'.</summary>
    public int Votes { get; init; }

    /// <summary>When the paper appeared for the trending score (its first digest day, else publication date, else first stored), UTC.</summary>
    public DateTimeOffset? Appeared { get; init; }

    /// <summary>How many digest days listed the paper.</summary>
    public int Appearances => DigestDays.Count;

    /// <summary>Lucene relevance score, or the trending score when sorted by trending (NaN when sorted by date).</summary>
    public float Score { get; init; }
}
