using System.Diagnostics;
using Digest.Core.Storage;

namespace Digest.Web.Tests.Support;

/// <summary>
/// Where a drill kills an ingest: once the store holds <see cref="AfterBatches"/> committed batches, plus a seeded
/// <see cref="Fraction"/> of the time one batch has taken so far (of at most 1.5 s). Counting in batches rather than seconds lands the kill
/// mid-ingest whether the machine ingests 400 or 3,000 papers a second, and the fraction of a batch's time spreads it
/// over the index write of the batch just stored, the next batch's parsing and its store write.
/// </summary>
public sealed record KillPoint(int Seed, int AfterBatches, double Fraction)
{
    // Before the first batch there is no batch time to go by: start-up and the first batch take about this long here.
    // It is also the longest wait: on a slow machine a batch's index write alone takes seconds, and nine runs of
    // several seconds' wait each would take the drills past their time budget.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(1_500);

    /// <summary>
    /// The kill point of one run, from its own seed (printed, so <c>DIGEST_DRILL_SEED=seed DIGEST_DRILL_RUNS=1</c> replays it).
    /// Every third run kills before the first batch is committed (start-up, the first batch); the others after one or two.
    /// </summary>
    public static KillPoint Draw(int seed, int run)
    {
        var random = new Random(seed);
        var afterBatches = run % 3 == 2 ? 0 : random.Next(1, 3);
        return new KillPoint(seed, afterBatches, random.NextDouble());
    }

    /// <summary>
    /// Waits until the store holds the batches, then the fraction of a batch's time; returns early when
    /// <paramref name="process"/> ends. Returns how long it waited after the batches were stored.
    /// </summary>
    public async Task<TimeSpan> WaitAsync(string dataDirectory, DigestProcess process, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var papers = AfterBatches * PaperStore.BatchSize;
        while (papers > 0 && StoreProbe.CountPapers(dataDirectory) < papers)
        {
            if (process.HasExited) return TimeSpan.Zero;
            if (clock.Elapsed > timeout) throw new TimeoutException($"The store did not reach {papers} papers within {timeout}:\n{process.Output}");
            await Task.Delay(20);
        }
        // The time to the first batch includes the process's start: an upper bound of a batch's time, which only widens the spread.
        var batchTime = AfterBatches == 0 ? MaxDelay : clock.Elapsed / AfterBatches;
        var delay = batchTime * Fraction < MaxDelay ? batchTime * Fraction : MaxDelay * Fraction;
        await Task.Delay(delay);
        return delay;
    }

    public override string ToString() => $"seed {Seed}: kill at {Fraction:F2} of a batch's time after {AfterBatches} stored batches";
}
