namespace Digest.Core.Indexing;

/// <summary>Another process (normally the running web app) holds the index's write lock.</summary>
public sealed class IndexLockedException(string indexPath, Exception inner)
    : Exception($"The index at {indexPath} is open in another process (the running app); it indexes new papers from the store by itself.", inner);
