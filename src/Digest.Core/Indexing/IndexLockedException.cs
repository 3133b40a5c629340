namespace Digest.Core.Indexing;

/// <summary>Another process (the running web app, or another CLI verb) holds the index's write lock.</summary>
public sealed class IndexLockedException(string indexPath, IndexOwner? owner, Exception inner)
    : Exception($"The index at {indexPath} is open in another process: {owner?.Describe() ?? "its owner is not recorded"}.", inner)
{
    /// <summary>The holder, when it recorded itself (null: unknown).</summary>
    public IndexOwner? Owner { get; } = owner;
}
