using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// One record read from a source: either a paper or the precise reason it was rejected.
/// <see cref="Position"/> is the line number (text formats, JSON Lines) or the 1-based record number (JSON, XML).
/// </summary>
public sealed record ParsedItem(int Position, Paper? Paper, string? Problem)
{
    /// <summary>
    /// True when <see cref="Paper"/> is only a withdrawal notice (an id and <see cref="Paper.WithdrawnOn"/>, nothing else):
    /// it marks a stored paper withdrawn and is skipped for a paper not stored.
    /// </summary>
    public bool IsWithdrawal { get; init; }

    public static ParsedItem Accepted(int position, Paper paper) => new(position, paper, null);

    /// <summary>A notice that arXiv withdrew <paramref name="arxivId"/> on <paramref name="day"/>.</summary>
    public static ParsedItem Withdrawn(int position, string arxivId, DateOnly day) =>
        new(position, new Paper { Id = arxivId, ArxivId = arxivId, Title = "", WithdrawnOn = day }, null) { IsWithdrawal = true };

    public static ParsedItem Rejected(int position, string problem) => new(position, null, problem);
}
