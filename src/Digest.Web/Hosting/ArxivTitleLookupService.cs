using Digest.Core.Arxiv;
using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Runs the arXiv title lookup (<see cref="ArxivTitleLookup"/>) in the background while <c>Digest:Arxiv:TitleLookup</c>
/// is on: a round, then another at once while full rounds keep finding work, else a pause of <c>LookupInterval</c>.
/// Requests are spaced by the fetch rules (3 s per host by default, as arXiv asks), so a backlog drains at arXiv's pace.
/// </summary>
internal sealed class ArxivTitleLookupService(ArxivTitleLookup lookup, IOptions<DigestOptions> options, TimeProvider timeProvider, ILogger<ArxivTitleLookupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var arxiv = options.Value.Arxiv;
        if (!arxiv.TitleLookup)
        {
            logger.LogInformation("arXiv title lookup is off (Digest:Arxiv:TitleLookup)");
            return;
        }
        logger.LogInformation("arXiv title lookup on: {BaseUrl}, {BatchSize} papers per round", arxiv.EffectiveBaseUrl, arxiv.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await lookup.RunRoundAsync(stoppingToken);
                if (!round.MoreWaiting(arxiv.BatchSize)) await Task.Delay(arxiv.LookupInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy store now is no reason to stop looking up later.
                logger.LogError(e, "arXiv title lookup failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
