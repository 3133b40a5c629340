namespace Digest.Core.Arxiv;

/// <summary>What a title lookup found, as <c>arxiv_title_lookups.outcome</c> stores it.</summary>
public static class TitleLookupOutcome
{
    /// <summary>arXiv has a paper with exactly this title; the paper now carries its arXiv id.</summary>
    public const string Found = "found";

    /// <summary>No arXiv title matched exactly (near misses are not taken); asked again after <c>NotFoundRetry</c>.</summary>
    public const string NotFound = "not-found";

    /// <summary>Several arXiv papers have exactly this title: none is taken, since linking the wrong one is worse than none.</summary>
    public const string Ambiguous = "ambiguous";

    /// <summary>The arXiv entry matched, but the store kept it apart (the arXiv id is already another stored paper's).</summary>
    public const string NotMerged = "not-merged";

    /// <summary>The title is too short to name one paper (a word or two, like "Introduction"); never asked about.</summary>
    public const string TooShort = "too-short";

    /// <summary>arXiv could not be reached or kept failing; asked again at <c>retry_at</c>, backing off.</summary>
    public const string Unreachable = "unreachable";
}
