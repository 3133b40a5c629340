namespace Digest.Core.Sources;

/// <summary>
/// Spaces requests to the same host by at least a minimum interval, across all sources and callers of this process
/// (two sources on export.arxiv.org share one budget). Requests to different hosts do not wait for each other.
/// </summary>
public sealed class HostRateLimiter(TimeSpan minSpacing, TimeProvider timeProvider)
{
    private readonly Dictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until a request to <paramref name="host"/> may be sent, and claims that moment.</summary>
    public async Task WaitAsync(string host, CancellationToken cancellationToken)
    {
        HostSlot slot;
        lock (_hosts)
        {
            if (!_hosts.TryGetValue(host, out slot!)) _hosts[host] = slot = new HostSlot();
        }
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.LastRequest is { } last)
            {
                var wait = last + minSpacing - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, timeProvider, cancellationToken);
            }
            slot.LastRequest = timeProvider.GetUtcNow();
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private sealed class HostSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DateTimeOffset? LastRequest { get; set; }
    }
}
