using Digest.Core.Papers;

namespace Digest.Core.Arxiv;

/// <summary>
/// What the arXiv API answered: the entries it returned (parsed, not yet validated or stored), or why there is no
/// usable answer (<see cref="Unreachable"/>: the server could not be reached, kept failing, or sent an incomplete feed).
/// </summary>
public sealed record ArxivAnswer(IReadOnlyList<Paper> Entries, string? Unreachable)
{
    public bool Answered => Unreachable is null;

    public static ArxivAnswer Failed(string problem) => new([], problem);
}
