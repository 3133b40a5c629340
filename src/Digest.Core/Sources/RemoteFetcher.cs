using System.Net;
using System.Reflection;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Sources;

/// <summary>
/// Downloads one URL politely and robustly: a User-Agent naming Digest, per-host spacing, a timeout per attempt,
/// retries with exponential backoff on 429, 5xx, timeouts and network errors (honouring <c>Retry-After</c>), and a size
/// cap. The body goes to a temporary file, which the caller owns and deletes.
/// </summary>
public sealed class RemoteFetcher(HttpClient http, HostRateLimiter limiter, FetchOptions options, TimeProvider timeProvider, ILogger<RemoteFetcher> logger)
{
    /// <summary>Sent with every request, so that operators of the APIs can see who is asking.</summary>
    public static string UserAgent { get; } = $"Digest/{Version} (+self-hosted paper digest)";

    private static string Version =>
        typeof(RemoteFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    /// <summary>Fetches <paramref name="url"/> into a new temporary file and returns its path.</summary>
    /// <exception cref="FetchException">every attempt failed, or the response is too large.</exception>
    public async Task<string> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await limiter.WaitAsync(url.Authority, cancellationToken);
            TimeSpan? retryAfter = null;
            string problem;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd(UserAgent);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.IsSuccessStatusCode) return await SaveAsync(response, timeout.Token);

                problem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {url.Authority}";
                if (!IsTransient(response.StatusCode)) throw new FetchException(problem);
                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"no complete response from {url.Authority} within {options.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                problem = $"cannot reach {url.Authority}: {e.Message}";
            }
            catch (IOException e)
            {
                // The connection broke while the body was read: a truncated response.
                problem = $"the response from {url.Authority} broke off: {e.Message}";
            }

            if (attempt >= options.MaxRetries) throw new FetchException(attempt == 0 ? problem : $"{problem} (after {attempt + 1} attempts)");
            var delay = retryAfter ?? options.RetryBaseDelay * Math.Pow(2, attempt);
            if (delay > options.MaxRetryAfter) throw new FetchException($"{problem}; the server asks to wait {delay.TotalSeconds:0} s, more than Digest:Fetch:MaxRetryAfter");
            logger.LogInformation("Fetch of {Url} failed ({Problem}); retry {Attempt} of {Max} in {Delay}", url, problem, attempt + 1, options.MaxRetries, delay);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private async Task<string> SaveAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > options.MaxResponseBytes) throw TooLarge();
        var path = Path.Combine(Path.GetTempPath(), $"digest-fetch-{Guid.NewGuid():N}");
        try
        {
            await using var file = File.Create(path);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await new LimitedReadStream(body, options.MaxResponseBytes).CopyToAsync(file, cancellationToken);
            return path;
        }
        catch (FileTooLargeException)
        {
            File.Delete(path);
            throw TooLarge();
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private FetchException TooLarge() => new($"the response is larger than Digest:Fetch:MaxResponseBytes ({options.MaxResponseBytes:N0} bytes)");

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
