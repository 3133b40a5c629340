using System.Collections.Concurrent;
using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// How much search time each client address has left: a token bucket of time, filled at
/// <c>Digest:Search:ClientSearchTimePerSecond</c> up to <c>ClientSearchTimeBurst</c>, drained by the time each of its
/// searches took. The concurrency limits alone let one client keep a core busy with costly queries (one at a time,
/// back to back); measured in the flood benchmark, that doubled everyone else's p99. With the budget a flood gets a
/// quarter of a core, while a reader who pages through results never notices it.
/// </summary>
public sealed class SearchTimeBudget
{
    // Past this many tracked addresses, the ones whose bucket is full again (idle clients) are forgotten.
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, ClientBucket> _clients = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _ticksPerSecond;
    private readonly long _burstTicks;

    public SearchTimeBudget(IOptions<DigestOptions> options, TimeProvider time)
    {
        var limits = options.Value.Search;
        _time = time;
        _ticksPerSecond = limits.ClientSearchTimePerSecond.Ticks;
        _burstTicks = limits.ClientSearchTimeBurst.Ticks;
    }

    /// <summary>False when the budget is turned off (<c>ClientSearchTimePerSecond</c> = 0).</summary>
    public bool Enabled => _ticksPerSecond > 0;

    /// <summary>Whether <paramref name="client"/> may search now; when not, how long until it may.</summary>
    public bool TryAdmit(string client, out TimeSpan retryAfter)
    {
        var balance = Bucket(client).Refill(Now, _ticksPerSecond, _burstTicks);
        retryAfter = balance > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling((double)(1 - balance) / _ticksPerSecond));
        return balance > 0;
    }

    /// <summary>Takes the time one admitted search took from <paramref name="client"/>'s budget.</summary>
    public void Charge(string client, TimeSpan used) => Bucket(client).Take(used.Ticks, Now, _ticksPerSecond, _burstTicks);

    private long Now => _time.GetUtcNow().UtcTicks;

    private ClientBucket Bucket(string client)
    {
        if (_clients.TryGetValue(client, out var bucket)) return bucket;
        if (_clients.Count >= MaxTrackedClients) ForgetIdleClients();
        return _clients.GetOrAdd(client, _ => new ClientBucket(_burstTicks, Now));
    }

    private void ForgetIdleClients()
    {
        var now = Now;
        foreach (var (client, bucket) in _clients)
        {
            if (bucket.Refill(now, _ticksPerSecond, _burstTicks) >= _burstTicks) _clients.TryRemove(client, out _);
        }
    }

    /// <summary>One client's remaining search time, in ticks (negative: in debt after a long search).</summary>
    private sealed class ClientBucket(long balance, long lastRefill)
    {
        private readonly Lock _lock = new();
        private long _balance = balance;
        private long _lastRefill = lastRefill;

        public long Refill(long now, long ticksPerSecond, long burst)
        {
            lock (_lock)
            {
                var elapsed = Math.Max(0, now - _lastRefill);
                _lastRefill = now;
                _balance = Math.Min(burst, _balance + (long)(elapsed / (double)TimeSpan.TicksPerSecond * ticksPerSecond));
                return _balance;
            }
        }

        /// <summary>Refills up to <paramref name="now"/> first, so time a client was idle counts before the charge, never after it.</summary>
        public void Take(long ticks, long now, long ticksPerSecond, long burst)
        {
            lock (_lock)
            {
                Refill(now, ticksPerSecond, burst);
                _balance -= ticks;
            }
        }
    }
}
