namespace Digest.Core.Configuration;

/// <summary>The remote APIs Digest can fetch papers from on a schedule.</summary>
public enum RemoteSourceKind
{
    /// <summary>The Hugging Face daily papers API, one request per day fetched (<c>{BaseUrl}/api/daily_papers?date=yyyy-MM-dd</c>).</summary>
    HuggingFaceDaily,

    /// <summary>An arXiv API query, newest submissions first (<c>{BaseUrl}/api/query?search_query=...</c>).</summary>
    ArxivQuery,

    /// <summary>An arXiv OAI-PMH harvest (<c>{BaseUrl}?verb=ListRecords...</c>), page by page, resumable, each run continuing from the last.</summary>
    ArxivOai,

    /// <summary>arXiv's daily announcement feeds, one per category (<c>{BaseUrl}/rss/cs.LG</c> or <c>{BaseUrl}/atom/cs.LG</c>).</summary>
    ArxivListing,
}
