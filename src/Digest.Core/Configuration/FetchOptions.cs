namespace Digest.Core.Configuration;

/// <summary>How remote sources are fetched (<c>Digest:Fetch</c>): politeness and robustness limits shared by every source.</summary>
public sealed class FetchOptions
{
    /// <summary>Minimum time between two requests to the same host. arXiv asks for at least 3 seconds.</summary>
    public TimeSpan MinRequestSpacing { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time allowed for one request, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 429, a 5xx, a timeout or a network error.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; doubled for each further one. A <c>Retry-After</c> header takes precedence.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest <c>Retry-After</c> honoured; a server asking for more fails this run and is tried at the next.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Responses larger than this are refused (and nothing is ingested).</summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;
}
