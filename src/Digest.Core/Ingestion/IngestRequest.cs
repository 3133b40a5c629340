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
}
