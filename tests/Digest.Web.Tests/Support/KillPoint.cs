using Digest.Core.Storage;

namespace Digest.Web.Tests.Support;

/// <summary>
/// Where a drill kills an ingest: once the store holds <see cref="AfterBatches"/> committed batches, plus
/// <see cref="Delay"/>. Counting batches rather than seconds from the start lands the kill mid-ingest whether the machine
/// ingests 400 or 3,000 papers a second; the random delay spreads it over a batch's store write, index write and commit.
/// </summary>
public sealed record KillPoint(int Seed, int AfterBatches, TimeSpan Delay)
{
    private const int MaxDelayMilliseconds = 600;

    /// <summary>
    /// The kill point of one run, from its own seed (printed, so <c>DIGEST_DRILL_SEED=seed DIGEST_DRILL_RUNS=1</c> replays it).
    /// Every third run kills before the first batch is committed (start-up, the first batch); the others after one or two.
    /// </summary>
    public static KillPoint Draw(int seed, int run)
    {
        var random = new Random(seed);
        var afterBatches = run % 3 == 2 ? 0 : random.Next(1, 3);
        return new KillPoint(seed, afterBatches, TimeSpan.FromMilliseconds(random.Next(0, MaxDelayMilliseconds)));
    }

    /// <summary>Waits until the store holds the batches, then the delay; returns early when <paramref name="process"/> ends.</summary>
    public async Task WaitAsync(string dataDirectory, DigestProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var papers = AfterBatches * PaperStore.BatchSize;
        while (papers > 0 && StoreProbe.CountPapers(dataDirectory) < papers)
        {
            if (process.HasExited) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The store did not reach {papers} papers within {timeout}:\n{process.Output}");
            await Task.Delay(20);
        }
        await Task.Delay(Delay);
    }

    public override string ToString() => $"seed {Seed}: kill {Delay.TotalMilliseconds:F0} ms after {AfterBatches} stored batches";
}
