using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Digest.Core.Configuration;
using Digest.Core.Search;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// How many searches (<c>/search</c>, <c>/api/search</c>, topic pages, feeds) run at once: per client address
/// (<see cref="SearchLimits.MaxConcurrentPerClient"/>, then its queue) and for all clients together
/// (<see cref="SearchLimits.MaxConcurrent"/>), so one client cannot take every core and pages without a search and
/// the health endpoints stay responsive. Every other request passes unlimited. A request beyond both queues is
/// answered 429 with <c>Retry-After</c> (see <see cref="SearchConcurrencyRegistration"/>).
/// </summary>
public sealed class SearchConcurrencyLimiter : IDisposable
{
    private const string OtherRequests = "";
    private const string AllClients = "*";

    private readonly PartitionedRateLimiter<HttpContext> _perClient;
    private readonly PartitionedRateLimiter<HttpContext> _allClients;

    public SearchConcurrencyLimiter(IOptions<DigestOptions> options)
    {
        var limits = options.Value.Search;
        _perClient = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSearch(context)
            ? RateLimitPartition.GetConcurrencyLimiter(ClientKey(context), _ => Concurrency(limits.MaxConcurrentPerClient, limits.QueuePerClient))
            : RateLimitPartition.GetNoLimiter(OtherRequests));
        _allClients = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSearch(context)
            ? RateLimitPartition.GetConcurrencyLimiter(AllClients, _ => Concurrency(limits.MaxConcurrent, limits.Queue))
            : RateLimitPartition.GetNoLimiter(OtherRequests));
        // The client's own limit first: a flood waits in its own queue and never holds places in the shared one.
        Limiter = PartitionedRateLimiter.CreateChained(_perClient, _allClients);
    }

    /// <summary>The limiter the rate limiting middleware uses for every request.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>True for the requests that run a search: search pages and API, topic pages (they take <c>q</c> too) and feeds (a feed is a search of its page).</summary>
    public static bool IsSearch(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/api/search", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/topics", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The client a request counts against: its IPv4 address, or the /64 network of an IPv6 one (one host or home
    /// usually holds a whole /64, so single addresses would give it any number of slots).
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _perClient.Dispose();
        _allClients.Dispose();
    }

    private static ConcurrencyLimiterOptions Concurrency(int permits, int queue) => new()
    {
        PermitLimit = permits,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
