namespace Digest.Core.Readers;

/// <summary>What saving a paper to a reading list came to.</summary>
public enum SaveOutcome
{
    Saved,
    Removed,
    NoSuchPaper,
    ListFull,
}
