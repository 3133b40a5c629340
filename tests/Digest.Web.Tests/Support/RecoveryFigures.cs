namespace Digest.Web.Tests.Support;

/// <summary>What a data directory held after a crash, once reopened, and after the whole file was ingested again.</summary>
public sealed record RecoveryFigures(
    int StoredAtRestart,
    int IndexedAtRestart,
    int DuplicatesAtRestart,
    int RepairsOnSecondVerify,
    int StoredNotSearchable,
    int FinalStored,
    int FinalIndexed,
    int FinalDuplicates,
    int FilePapers)
{
    /// <summary>Stored papers a search would not find after the restart, plus papers of the file missing after the re-ingest.</summary>
    public int PapersLost => StoredNotSearchable + Math.Max(0, FilePapers - FinalIndexed) + Math.Max(0, FilePapers - FinalStored);

    public override string ToString() =>
        $"restart: store {StoredAtRestart}, index {IndexedAtRestart} ({DuplicatesAtRestart} duplicates, {StoredNotSearchable} stored but not searchable), " +
        $"second verify repaired {RepairsOnSecondVerify}; after re-ingest: store {FinalStored}, index {FinalIndexed} ({FinalDuplicates} duplicates) of {FilePapers}";
}
