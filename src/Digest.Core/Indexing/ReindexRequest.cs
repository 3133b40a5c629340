namespace Digest.Core.Indexing;

/// <summary>A rebuild asked for by a process that does not own the index; the owner performs it and clears the request.</summary>
public static class ReindexRequest
{
    /// <summary>The store setting that holds a pending request (its value: when it was asked for).</summary>
    public const string SettingKey = "reindex_requested";
}
