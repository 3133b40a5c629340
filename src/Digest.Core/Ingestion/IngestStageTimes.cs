namespace Digest.Core.Ingestion;

/// <summary>
/// Where an ingest run spent its time, stage by stage (the stages overlap, so the parts add up to more than the run):
/// reading (parsing and validating, on the run's thread), storing (matching stored papers, merging, the SQLite
/// transaction), topics (analysing the texts once and filing them, on every core), indexing (Lucene documents, on every
/// core) and the final commit. Each is the time the stage was busy, not waiting on its neighbour.
/// </summary>
public sealed class IngestStageTimes
{
    public TimeSpan Reading { get; set; }

    /// <summary>Time the reader waited for the store stage to take a batch: the store and index stages were the bottleneck.</summary>
    public TimeSpan ReaderWaiting { get; set; }

    public TimeSpan Storing { get; set; }

    public TimeSpan Topics { get; set; }

    public TimeSpan Indexing { get; set; }

    public TimeSpan Committing { get; set; }

    public override string ToString() =>
        $"reading {Reading.TotalSeconds:0.00} s (waiting for the store {ReaderWaiting.TotalSeconds:0.00} s), storing {Storing.TotalSeconds:0.00} s, "
        + $"topics {Topics.TotalSeconds:0.00} s, indexing {Indexing.TotalSeconds:0.00} s, commit {Committing.TotalSeconds:0.00} s";
}
