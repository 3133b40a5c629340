using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Ingests files dropped into <c>inbox/</c> of the data directory. A file is taken once its size has stopped
/// changing (so a copy in progress is not read half-way), then moved to <c>processed/</c> (everything accepted) or
/// <c>failed/</c> (some or all rejected), with its report beside it as <c>NAME.report.txt</c>.
/// </summary>
internal sealed class InboxWatcherService(IngestService ingest, IOptions<DigestOptions> options, IHostApplicationLifetime lifetime, ILogger<InboxWatcherService> logger) : BackgroundService
{
    /// <summary>After the storage failed (a full disk), files wait this long before they are tried again.</summary>
    internal static readonly TimeSpan StorageRetryDelay = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, long> _lastSizes = new(StringComparer.Ordinal);
    private DateTime _storageRetryAt = DateTime.MinValue;

    public string InboxPath => options.Value.InboxPath;

    protected override async Task ExecuteAsync(CancellationToken serviceStopping)
    {
        if (!options.Value.WatchInbox) return;
        // Stop at the first sign of shutdown (SIGTERM, docker stop): the host reaches this service's own stop only after
        // stopping the ones registered later, and an ingest keeping every core busy delays that by seconds, in which it
        // would have stored many more batches instead of stopping at the next one.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serviceStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        Directory.CreateDirectory(InboxPath);
        Directory.CreateDirectory(Path.Combine(InboxPath, "processed"));
        Directory.CreateDirectory(Path.Combine(InboxPath, "failed"));
        logger.LogInformation("Watching {Inbox} for files to ingest", InboxPath);

        using var timer = new PeriodicTimer(options.Value.InboxPollInterval);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Inbox scan failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < _storageRetryAt) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(InboxPath).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            // Hidden and partial files belong to whoever is still writing them.
            if (name.StartsWith('.') || name.EndsWith(".part", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            seen.Add(path);
            var size = new FileInfo(path).Length;
            if (!_lastSizes.TryGetValue(path, out var lastSize) || lastSize != size)
            {
                _lastSizes[path] = size;
                continue;
            }
            _lastSizes.Remove(path);
            await IngestFileAsync(path, name, cancellationToken);
        }
        foreach (var gone in _lastSizes.Keys.Where(p => !seen.Contains(p)).ToList()) _lastSizes.Remove(gone);
    }

    private async Task IngestFileAsync(string path, string name, CancellationToken cancellationToken)
    {
        var report = await ingest.IngestAsync([new IngestSource(name, () => File.OpenRead(path))], new IngestRequest { Origin = "inbox", AllowLargeFiles = true }, cancellationToken: cancellationToken);
        if (report.Cancelled) return; // Left in the inbox: the next start reads it again, and re-ingesting is idempotent.
        if (report.StorageFailure is not null)
        {
            // Not the file's fault: it stays in the inbox and is read again (idempotently) once the disk has room.
            _storageRetryAt = DateTime.UtcNow + StorageRetryDelay;
            logger.LogWarning("Inbox: {File} stopped ({Reason}) after {Added} added; it stays in the inbox and is tried again in {Delay}", name, report.StorageFailure, report.Added, StorageRetryDelay);
            return;
        }

        var target = Path.Combine(InboxPath, report.ExitCode == 0 ? "processed" : "failed", UniqueName(name));
        File.Move(path, target);
        await File.WriteAllTextAsync(target + ".report.txt", report.ToText(), CancellationToken.None);
        logger.LogInformation("Inbox: {File} ingested ({Added} added, {Updated} updated, {Rejected} rejected), moved to {Target}", name, report.Added, report.Updated, report.Rejected, target);
    }

    private static string UniqueName(string name) =>
        $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{name}";
}
