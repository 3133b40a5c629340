using System.Diagnostics;
using Digest.Web.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Web.Tests.Drills;

/// <summary>
/// kill -9 of a process in the middle of an ingest (a CLI verb, the app during an upload, the app during an inbox
/// ingest), at seeded random points. After each kill the data directory must open with every stored paper searchable
/// exactly once, and ingesting the file again must complete the store and the index exactly. Each run prints its seed;
/// <c>DIGEST_DRILL_SEED=seed DIGEST_DRILL_RUNS=1</c> replays the kill point (the timing of the machine aside).
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class KillDuringIngestDrills : IDisposable
{
    // Three store batches (2,000 papers each, the last one short): a kill can land before, between and inside them.
    private const int FilePapers = 5_000;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);

    private readonly ITestOutputHelper _output;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "digest-drills", Guid.NewGuid().ToString("N"));
    private readonly string _file;

    public KillDuringIngestDrills(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_root);
        _file = Path.Combine(_root, "papers.jsonl");
        GeneratedPapers.WriteJsonLines(_file, FilePapers);
    }

    [Fact]
    public Task KillNine_OfACliIngest_LosesNoStoredPaper_AndAReingestCompletesStoreAndIndex() =>
        DrillAsync("CLI ingest", async (data, point) =>
        {
            using var cli = DigestProcess.Start(data, ["ingest", _file]);
            var delay = await point.WaitAsync(data, cli, StepTimeout);
            return (cli.KillHard(), delay);
        });

    [Fact]
    public Task KillNine_OfTheAppDuringAnUpload_LosesNoStoredPaper_AndAReingestCompletesStoreAndIndex() =>
        DrillAsync("POST /api/ingest", async (data, point) =>
        {
            using var app = await DigestAppProcess.StartAsync(data);
            var upload = app.UploadAsync(_file);
            var delay = await point.WaitAsync(data, app.Process, StepTimeout);
            var finishedFirst = upload.IsCompleted;
            var killed = app.Process.KillHard();
            if (finishedFirst)
            {
                // The upload was answered before the kill: it must have been a success.
                using var response = await upload;
                Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            else
            {
                // The connection dies with the app; that is the point of the drill, not a failure.
                await Assert.ThrowsAnyAsync<Exception>(() => upload);
            }
            return (killed, delay);
        });

    [Fact]
    public Task KillNine_OfTheAppDuringAnInboxIngest_LosesNoStoredPaper_AndAReingestCompletesStoreAndIndex() =>
        DrillAsync("inbox ingest", async (data, point) =>
        {
            using var app = await DigestAppProcess.StartAsync(data);
            var inbox = Path.Combine(data, "inbox");
            Directory.CreateDirectory(inbox);
            // Copied under a name the watcher skips, then renamed: the watcher sees the whole file at once.
            var partial = Path.Combine(inbox, "drill.jsonl.part");
            File.Copy(_file, partial);
            File.Move(partial, Path.Combine(inbox, "drill.jsonl"));
            var delay = await point.WaitAsync(data, app.Process, StepTimeout);
            return (app.Process.KillHard(), delay);
        });

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

    /// <summary>Runs the scenario <see cref="DrillSettings.Runs"/> times, each on a new data directory, and checks the recovery.</summary>
    /// <param name="scenario">What is killed, for the printed figures.</param>
    /// <param name="startAndKill">Starts the ingest on the data directory, kills at the point; returns whether a running process was killed, and how long after the batches.</param>
    private async Task DrillAsync(string scenario, Func<string, KillPoint, Task<(bool Killed, TimeSpan Delay)>> startAndKill)
    {
        var tally = new DrillTally(scenario);
        var batchStoredAtKill = 0;
        var clock = Stopwatch.StartNew();
        _output.WriteLine($"{scenario}: {DrillSettings.Runs} runs from seed {DrillSettings.Seed}, {FilePapers} papers per file");
        try
        {
            for (var run = 0; run < DrillSettings.Runs; run++)
            {
                var point = KillPoint.Draw(DrillSettings.Seed + run, run);
                var data = Path.Combine(_root, $"run-{run}");
                Directory.CreateDirectory(data);
                var (killed, delay) = await startAndKill(data, point);
                var storedAtKill = StoreProbe.CountPapers(data);
                if (storedAtKill > 0) batchStoredAtKill++;
                var figures = await CrashRecoveryCheck.RunAsync(data, _file, FilePapers);
                _output.WriteLine($"  run {run + 1}, {point} ({delay.TotalMilliseconds:F0} ms): {(killed ? "killed" : "had already exited")} with {storedAtKill} papers stored; {figures}");
                tally.Record(killed, storedAtKill, FilePapers, figures);

                Assert.Equal(figures.StoredAtRestart, figures.IndexedAtRestart);
                Assert.Equal(0, figures.DuplicatesAtRestart);
                Assert.Equal(0, figures.StoredNotSearchable);
                Assert.Equal(0, figures.RepairsOnSecondVerify);
                Assert.Equal(FilePapers, figures.FinalStored);
                Assert.Equal(FilePapers, figures.FinalIndexed);
                Assert.Equal(0, figures.FinalDuplicates);
                Directory.Delete(data, recursive: true);
            }
        }
        finally
        {
            _output.WriteLine($"{tally} in {clock.Elapsed.TotalSeconds:F1} s");
        }
        // A drill whose kills all land before the first batch tests start-up, not an ingest.
        Assert.True(batchStoredAtKill * 2 > DrillSettings.Runs, $"only {batchStoredAtKill} of {DrillSettings.Runs} kills landed after a stored batch");
    }
}
