using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Digest.Web.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Web.Tests.Drills;

/// <summary>
/// A CLI ingest of 10,000 papers beside the running app while clients search it: every search must succeed, and once
/// the app is ready again the index must hold exactly the store's papers. Latency is printed, not asserted (two shared
/// cores make any bound either loose or flaky).
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class IngestWhileSearchingDrills(ITestOutputHelper output) : IDisposable
{
    private const int BasePapers = 2_000;
    private const int IngestedPapers = 10_000;
    private const int Clients = 4;

    private static readonly TimeSpan BeforeWindow = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan DuringWindow = TimeSpan.FromSeconds(15);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "digest-drills", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SearchesDuringACliIngest_AllSucceed_AndTheIndexEndsInStepWithTheStore()
    {
        var clock = Stopwatch.StartNew();
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        var baseFile = Path.Combine(_root, "base.jsonl");
        var ingestFile = Path.Combine(_root, "ingest.jsonl");
        GeneratedPapers.WriteJsonLines(baseFile, BasePapers, firstNumber: 10_001, seed: 1);
        GeneratedPapers.WriteJsonLines(ingestFile, IngestedPapers, firstNumber: 20_001, seed: 2);

        using var app = await DigestAppProcess.StartAsync(data);
        using (var upload = await app.UploadAsync(baseFile)) Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var before = await SearchLoad.RunAsync(app.Client, Clients, BeforeWindow);
        output.WriteLine($"before the ingest: {before}");

        using var cli = DigestProcess.Start(data, ["ingest", ingestFile]);
        var cliExited = cli.WaitForExitAsync(TimeSpan.FromSeconds(180));
        var during = await SearchLoad.RunAsync(app.Client, Clients, DuringWindow, stop: cliExited);
        output.WriteLine($"during the ingest: {during}");
        Assert.True(await cliExited, "the CLI ingest did not finish within 180 s:\n" + cli.Output);
        Assert.True(cli.ExitCode == 0, cli.Output);

        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var (papers, documents) = await CountsOnceInStepAsync(app.Client, TimeSpan.FromSeconds(60));
        output.WriteLine($"once ready and in step: store {papers} papers, index {documents} documents; drill took {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(0, before.Errors);
        Assert.Equal(0, during.Errors);
        Assert.Equal(BasePapers + IngestedPapers, papers);
        Assert.Equal(papers, documents);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Never hide a drill's own failure behind clean-up.
        }
    }

    /// <summary>
    /// Papers in the store and documents in the index, as <c>/api/status</c> reports them once the index has applied the
    /// store's last change. Ready is not enough: <c>/readyz</c> lets the index lag for a grace period
    /// (<see cref="Digest.Core.Health.ReadinessCheck.IndexGracePeriod"/>), and the CLI's last batches are then still on their way.
    /// </summary>
    private static async Task<(int Papers, int Documents)> CountsOnceInStepAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
            var index = status.GetProperty("index");
            var inStep = index.GetProperty("changeSeq").GetInt64() == status.GetProperty("store").GetProperty("changeSeq").GetInt64();
            if (inStep || DateTime.UtcNow > deadline) return (status.GetProperty("papers").GetInt32(), index.GetProperty("documents").GetInt32());
            await Task.Delay(200);
        }
    }
}
