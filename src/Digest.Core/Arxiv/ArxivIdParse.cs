namespace Digest.Core.Arxiv;

/// <summary>What <see cref="ArxivIdInput.Parse"/> made of a reader's input: the arXiv id, or why there is none.</summary>
public sealed record ArxivIdParse(string? ArxivId, string? Problem)
{
    public bool Succeeded => ArxivId is not null;

    public static ArxivIdParse Accepted(string arxivId) => new(arxivId, null);

    public static ArxivIdParse Refused(string problem) => new(null, problem);
}
