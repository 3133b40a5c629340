using Digest.Core.Papers;

namespace Digest.Core.Ingestion;

/// <summary>
/// One record read from a source: either a paper or the precise reason it was rejected.
/// <see cref="Position"/> is the line number (text formats, JSON Lines) or the 1-based record number (JSON, XML).
/// </summary>
public sealed record ParsedItem(int Position, Paper? Paper, string? Problem)
{
    public static ParsedItem Accepted(int position, Paper paper) => new(position, paper, null);

    public static ParsedItem Rejected(int position, string problem) => new(position, null, problem);
}
