using Digest.Core.Configuration;

namespace Digest.Core.Ingestion;

/// <summary>What a parser knows besides the text: where it came from, the date hints, limits, and where to put notes.</summary>
public sealed class ParseContext
{
    public required string SourceName { get; init; }

    /// <summary>The digest day given with <c>--date</c>; overrides a date line's day and year.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The year given with <c>--year</c>, for digest pages whose date line has none.</summary>
    public int? Year { get; init; }

    /// <summary>"Today" for inferring a year; injectable for tests.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public IngestLimits Limits { get; init; } = new();

    /// <summary>The file may be larger than <see cref="IngestLimits.MaxFileBytes"/> (a local file from the CLI or the inbox, read by a parser that <see cref="IPaperParser.ReadsFilesOfAnySize"/>).</summary>
    public bool AllowLargeFile { get; init; }

    /// <summary>The most characters a parser reads from the file.</summary>
    public long MaxFileChars => AllowLargeFile ? long.MaxValue : Limits.MaxFileBytes;

    /// <summary>File-level observations for the report (for example "year inferred as 2024").</summary>
    public List<string> Notes { get; } = [];
}
