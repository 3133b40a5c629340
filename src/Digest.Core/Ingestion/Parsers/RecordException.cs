namespace Digest.Core.Ingestion.Parsers;

/// <summary>
/// Thrown inside a parser while building one record and caught at the record boundary, where it becomes a
/// <see cref="ParsedItem.Rejected"/>; it never leaves a parser.
/// </summary>
internal sealed class RecordException(string problem) : Exception(problem);
