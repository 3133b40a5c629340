using Digest.Core.Health;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Web.CommandLine;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Hosting;

public class ReadinessCheckTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task WriteBesideAsync(TestDataHost owner)
    {
        // Another process (a CLI verb) writes the store; the owner's index has not caught up yet.
        await using var beside = await TestDataHost.StartAsync(dataDirectory: owner.DataDirectory, ownIndex: false);
        var bytes = System.Text.Encoding.UTF8.GetBytes("""
            {"arxiv_id": "2510.00001", "title": "Written beside the app", "abstract": "An abstract long enough to be the real abstract of a paper written beside the app.", "authors": ["B. Side"], "published": "2025-10-01"}
            """);
        await beside.Get<IngestService>().IngestAsync([new IngestSource("beside.jsonl", () => new MemoryStream(bytes))], new IngestRequest { Origin = "cli" });
    }

    [Fact]
    public async Task IndexBehindTheStore_IsReadyWithinTheGracePeriod_ThenNot_UntilItCatchesUp()
    {
        await using var host = await TestDataHost.StartAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var check = new ReadinessCheck(host.Get<SqliteDatabase>(), host.Get<PaperStore>(), host.Get<PaperIndex>(), host.Get<SourceStatusStore>(), host.Get<Microsoft.Extensions.Options.IOptions<Digest.Core.Configuration.DigestOptions>>(), clock);
        Assert.True((await check.CheckAsync()).Ready);

        await WriteBesideAsync(host);
        var behind = await check.CheckAsync();
        Assert.True(behind.Ready);
        Assert.Contains("catching up", behind.Index.Detail);

        clock.Now += ReadinessCheck.IndexGracePeriod + TimeSpan.FromSeconds(1);
        var stuck = await check.CheckAsync();
        Assert.False(stuck.Ready);
        Assert.True(stuck.Store.Ok);
        Assert.Contains("behind the store", stuck.Index.Detail);

        await host.Get<IndexSynchronizer>().CatchUpAsync();
        Assert.True((await check.CheckAsync()).Ready);
    }

    [Fact]
    public async Task PapersAppliedToTheIndex_CountAsInStep_OnlyOnceSearchable()
    {
        await using var host = await TestDataHost.StartAsync();
        var options = host.Get<Microsoft.Extensions.Options.IOptions<Digest.Core.Configuration.DigestOptions>>();
        var check = new ReadinessCheck(host.Get<SqliteDatabase>(), host.Get<PaperStore>(), host.Get<PaperIndex>(), host.Get<SourceStatusStore>(), options, TimeProvider.System);
        await WriteBesideAsync(host);
        var store = host.Get<PaperStore>();
        var latest = await store.LatestChangeSeqAsync();
        var index = host.Get<PaperIndex>();

        index.Apply([(await store.GetAsync("2510.00001"))!], [], latest);
        var applied = await check.CheckAsync();
        Assert.Equal(latest, index.ChangeSeq);
        Assert.True(applied.Index.IndexChangeSeq < latest, "reported in step before the paper can be found");
        Assert.Contains("catching up", applied.Index.Detail);

        index.Refresh();
        var searchable = await check.CheckAsync();
        Assert.Equal(latest, searchable.Index.IndexChangeSeq);
        Assert.Equal("in step with the store", searchable.Index.Detail);
    }

    [Fact]
    public async Task DiskBelowTheFreeSpaceSetting_MakesTheAppUnready_AndSaysWhy()
    {
        await using var host = await TestDataHost.StartAsync(new Dictionary<string, string?> { ["Digest:MinFreeDiskBytes"] = long.MaxValue.ToString() });
        var options = host.Get<Microsoft.Extensions.Options.IOptions<Digest.Core.Configuration.DigestOptions>>();
        var check = new ReadinessCheck(host.Get<SqliteDatabase>(), host.Get<PaperStore>(), host.Get<PaperIndex>(), host.Get<SourceStatusStore>(), options, TimeProvider.System);

        var report = await check.CheckAsync();

        Assert.False(report.Ready);
        Assert.True(report.Store.Ok);
        Assert.False(report.Disk.Ok);
        Assert.Contains("below Digest:MinFreeDiskBytes", report.Disk.Detail);
    }

    [Fact]
    public async Task Stats_ShowsEachSourcesLastSuccessAndLastError()
    {
        await using var host = await TestDataHost.StartAsync();
        var statuses = host.Get<SourceStatusStore>();
        await statuses.RecordSuccessAsync("hf-daily", DateTimeOffset.UtcNow, 12, 3);
        await statuses.RecordFailureAsync("arxiv-ml", DateTimeOffset.UtcNow, "HTTP 503 Service Unavailable from export.arxiv.org");

        var output = new StringWriter();
        var command = new StatsCommand();
        await command.RunAsync(CliArguments.Parse(["stats"], command.ValueOptions), host.Services, output, TextWriter.Null, CancellationToken.None);

        Assert.Contains("Source hf-daily: last success 20", output.ToString());
        Assert.Contains("(12 added)", output.ToString());
        Assert.Contains("Source arxiv-ml: last success never", output.ToString());
        Assert.Contains("failing (1x): HTTP 503 Service Unavailable from export.arxiv.org", output.ToString());
    }
}
