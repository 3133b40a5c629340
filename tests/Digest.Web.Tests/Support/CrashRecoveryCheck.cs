using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;

namespace Digest.Web.Tests.Support;

/// <summary>
/// What every crash drill checks after the kill: the data directory opens as a verb opens it (start-up catch-up and
/// verification included), the index then holds each stored paper exactly once, a second verification has nothing to
/// repair, and ingesting the whole file again ends with exactly the file's papers in the store and in the index.
/// </summary>
public static class CrashRecoveryCheck
{
    public static async Task<RecoveryFigures> RunAsync(string dataDirectory, string file, int filePapers)
    {
        await using var host = await TestDataHost.StartAsync(dataDirectory: dataDirectory);
        var store = host.Get<PaperStore>();
        var index = host.Index ?? throw new InvalidOperationException("The test host should own the index");

        var storedIds = new List<string>();
        await foreach (var paper in store.ReadAllAsync()) storedIds.Add(paper.Id);
        var atRestart = IndexCensus.Take(index);
        var repairs = await host.Get<IndexSynchronizer>().VerifyAsync();

        var report = await host.Get<IngestService>().IngestAsync([IngestSource.FromFile(file)], new IngestRequest { Origin = "drill" });
        if (report.Rejected > 0 || report.StorageFailure is not null) throw new InvalidOperationException("The re-ingest failed:\n" + report.ToText());
        var final = IndexCensus.Take(index);

        return new RecoveryFigures(
            StoredAtRestart: storedIds.Count,
            IndexedAtRestart: atRestart.Documents,
            DuplicatesAtRestart: atRestart.Duplicates,
            RepairsOnSecondVerify: repairs,
            StoredNotSearchable: storedIds.Count(id => !atRestart.Ids.Contains(id)),
            FinalStored: await store.CountAsync(),
            FinalIndexed: final.Documents,
            FinalDuplicates: final.Duplicates,
            FilePapers: filePapers);
    }
}
