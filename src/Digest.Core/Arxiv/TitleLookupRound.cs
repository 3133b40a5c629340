namespace Digest.Core.Arxiv;

/// <summary>What one round of the title lookup did.</summary>
public sealed record TitleLookupRound(int LookedUp, int Found, int NotFound, int Unreachable)
{
    /// <summary>Whether a round right after this one may find more to do: the batch was full and arXiv answered.</summary>
    public bool MoreWaiting(int batchSize) => LookedUp >= batchSize && Unreachable == 0;
}
