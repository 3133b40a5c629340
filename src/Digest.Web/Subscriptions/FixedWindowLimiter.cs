using System.Collections.Concurrent;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Counts requests per key (a client IP, an address) in fixed windows. In memory: a restart forgets the counts,
/// which only gives an abuser one more window. Bounded: expired windows are dropped when the table grows large.
/// </summary>
public sealed class FixedWindowLimiter(TimeProvider timeProvider)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one request for <paramref name="key"/>; false when it is over <paramref name="limit"/> in the current window.</summary>
    public bool TryAcquire(string key, int limit, TimeSpan window)
    {
        var now = timeProvider.GetUtcNow();
        if (_windows.Count > PruneAbove) Prune(now);
        var current = _windows.AddOrUpdate(key,
            _ => new Window(now + window, 1),
            (_, existing) => existing.EndsAt <= now ? new Window(now + window, 1) : existing with { Count = existing.Count + 1 });
        return current.Count <= limit;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now) _windows.TryRemove(key, out _);
        }
    }

    private sealed record Window(DateTimeOffset EndsAt, int Count);
}
