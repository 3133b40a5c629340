using Digest.Core.Configuration;
using Digest.Core.Sources;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Fetches the configured remote sources (<c>Digest:Sources</c>) on their schedules. Due times come from the persisted
/// last attempt, so a restart neither refetches what was just fetched nor skips a fetch that fell due while stopped.
/// Sources run one after another; a failing source is recorded and never stops the others.
/// </summary>
internal sealed class RemoteSourceService(RemoteSourceRunner runner, SourceStatusStore statuses, IOptions<DigestOptions> options, TimeProvider timeProvider, ILogger<RemoteSourceService> logger) : BackgroundService
{
    /// <summary>Longest sleep between checks, so a clock change or a fetch by the CLI is noticed.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = options.Value.Sources;
        if (sources.Count == 0) return;
        logger.LogInformation("Fetching {Count} remote sources on schedule: {Names}", sources.Count, string.Join(", ", sources.Select(s => s.Name)));

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var known = (await statuses.GetAllAsync(stoppingToken)).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
                var now = timeProvider.GetUtcNow();
                var next = now + MaxSleep;
                foreach (var source in sources)
                {
                    known.TryGetValue(source.Name, out var status);
                    var due = SourceSchedule.NextDue(source, SourceStatusStore.Parse(status?.LastAttemptAt), status?.Failing ?? false, now);
                    if (due <= now)
                    {
                        await runner.RunAsync(source, stoppingToken);
                        // Re-read the statuses before sleeping: the next due time counts from this attempt.
                        next = now;
                    }
                    else if (due < next)
                    {
                        next = due;
                    }
                }
                var sleep = next - timeProvider.GetUtcNow();
                if (sleep > TimeSpan.Zero) await Task.Delay(sleep, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy store now is no reason to stop fetching later.
                logger.LogError(e, "Remote source scheduling failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
