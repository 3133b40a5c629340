namespace Digest.Core.Sources;

/// <summary>What is known about one remote source's fetches (timestamps as UTC ISO-8601 text, as stored).</summary>
public sealed class SourceStatus
{
    public string Name { get; set; } = "";
    public string LastAttemptAt { get; set; } = "";
    public string? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public string? LastErrorAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    public int LastAdded { get; set; }
    public int LastUpdated { get; set; }

    /// <summary>Whether the last attempt failed.</summary>
    public bool Failing => ConsecutiveFailures > 0;
}
