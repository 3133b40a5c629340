using System.Globalization;

namespace Digest.Core.Ingestion;

/// <summary>How to read the sources of one ingest run.</summary>
public sealed record IngestRequest
{
    /// <summary>Read every source as this format instead of detecting it.</summary>
    public SourceFormat? Format { get; init; }

    /// <summary>The digest day of digest pages (<c>--date</c>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The year of digest pages whose date line has none (<c>--year</c>).</summary>
    public int? Year { get; init; }

    /// <summary>Where the run came from, for the run log: <c>cli</c>, <c>http</c>, <c>inbox</c>, <c>sample</c>, or a remote source name.</summary>
    public string Origin { get; init; } = "cli";

    /// <summary>
    /// Files may be larger than <c>Digest:Limits:MaxFileBytes</c> when their format is read one bounded record at a time
    /// (<c>arxiv-snapshot</c>). Set for local files the operator chose (the CLI's <c>ingest</c>, the inbox), never for
    /// uploads: a file from the network keeps the cap.
    /// </summary>
    public bool AllowLargeFiles { get; init; }

    /// <summary>Earliest year accepted for <see cref="Year"/>.</summary>
    public const int MinYear = 1990;

    /// <summary>Latest year accepted for <see cref="Year"/>.</summary>
    public const int MaxYear = 2200;

    /// <summary>Reads a digest day as the CLI and the HTTP upload take it: <c>yyyy-mm-dd</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads a year as the CLI and the HTTP upload take it: digits only, between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool TryParseYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= MinYear and <= MaxYear;
}
