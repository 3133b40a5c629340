using Digest.Core.Configuration;
using Digest.Core.Semantic;
using Digest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Embeds papers in the background (semantic search), newest first, a batch at a time, until every paper has a current
/// vector; then checks every <see cref="SemanticOptions.PollInterval"/> for new or changed ones. Ingest and search never
/// wait for it: it reads papers and writes only its own rows, in short transactions. After a restart it loads the stored
/// vectors and continues where it stopped. Off (<c>Digest:Semantic:Enabled=false</c>): it does nothing.
/// </summary>
internal sealed class EmbeddingService(IServiceProvider services, IOptions<DigestOptions> options, ILogger<EmbeddingService> logger) : BackgroundService
{
    /// <summary>Wait after a failed batch (a full disk, a locked store) before trying again.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Semantic;
        if (!settings.Enabled) return;
        // Off the start-up path: loading the model (about 90 MB) and the stored vectors takes seconds at 100k papers.
        await Task.Yield();
        var embedder = services.GetRequiredService<PaperEmbedder>();
        if (!await LoadAsync(embedder, stoppingToken)) return;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await embedder.RunBatchAsync(stoppingToken) > 0)
                {
                    failing = false;
                    continue;
                }
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var reason = StorageFailure.Is(e) ? StorageFailure.Describe(e, options.Value.DataPath) : e.Message;
                embedder.ReportFailure(reason);
                if (!failing)
                {
                    if (StorageFailure.Is(e)) logger.LogWarning("Embedding papers cannot write ({Reason}); retrying every {Delay}", reason, RetryDelay);
                    else logger.LogError(e, "Embedding papers failed; retrying every {Delay}", RetryDelay);
                }
                failing = true;
                if (!await DelayAsync(RetryDelay, stoppingToken)) return;
            }
        }
    }

    private async Task<bool> LoadAsync(PaperEmbedder embedder, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var loaded = await embedder.LoadAsync(stoppingToken);
                logger.LogInformation("Semantic search: {Count} stored paper vectors loaded ({Model})", loaded, embedder.ModelName);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                embedder.ReportFailure(StorageFailure.Is(e) ? StorageFailure.Describe(e, options.Value.DataPath) : e.Message);
                logger.LogError(e, "Loading the stored paper vectors failed; retrying in {Delay}", RetryDelay);
                if (!await DelayAsync(RetryDelay, stoppingToken)) return false;
            }
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
