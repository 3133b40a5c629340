namespace Digest.Core.Trending;

/// <summary>
/// How the trending score weighs votes, digest appearances and age (<c>Digest:Trending</c>); see <see cref="TrendingScore"/>
/// for the formula. Checked at start by <see cref="TrendingOptionsValidator"/>.
/// </summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Trending";

    /// <summary>
    /// The exponent of the age decay. Hacker News uses 1.8 for a front page that changes by the hour; papers arrive once
    /// a day (a digest day's papers all appear at 00:00 UTC), and at 1.8 a week view ranked at its end puts a paper of its
    /// first day (170 h old) 29 times below one of its last day (26 h), so the week would be its last day. At 1.2 the
    /// factor is 9.5: an older paper needs about ten times the votes, and the votes papers gather over days make up part of it.
    /// </summary>
    public double Gravity { get; set; } = 1.2;

    /// <summary>
    /// Votes one digest appearance is worth. The Hugging Face daily pages in the test fixtures carry 0 to 97 upvotes
    /// (most about 50): at 3 an appearance orders papers without votes (digest text, arXiv listings) by how often a
    /// digest listed them, and barely moves papers that have Hugging Face votes.
    /// </summary>
    public double AppearanceWeight { get; set; } = 3;
}
