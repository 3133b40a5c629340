namespace Digest.Core.Papers;

/// <summary>arXiv's pages of a paper, from its arXiv id: written once for papers, result lists and feeds.</summary>
public static class ArxivLinks
{
    /// <summary>The abstract page, for example <c>https://arxiv.org/abs/2403.01234</c>.</summary>
    public static string Abstract(string arxivId) => $"https://arxiv.org/abs/{arxivId}";

    /// <summary>The PDF of the latest version.</summary>
    public static string Pdf(string arxivId) => $"https://arxiv.org/pdf/{arxivId}";
}
