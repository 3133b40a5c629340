using System.Globalization;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>healthcheck [--url URL] [--timeout SECONDS]</c>: GETs the app's readiness endpoint; exit 0 when it answers 2xx,
/// else 1. The container's HEALTHCHECK runs it, because the ASP.NET base image has no curl or wget.
/// </summary>
public sealed class HealthcheckCommand : ICliCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/readyz";

    /// <summary>The readiness URL on the first port of <c>ASPNETCORE_HTTP_PORTS</c> (what the container listens on), else <see cref="DefaultUrl"/>.</summary>
    public static string LocalReadinessUrl(string? httpPorts)
    {
        var first = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? $"http://127.0.0.1:{port}/readyz"
            : DefaultUrl;
    }

    public string Verb => "healthcheck";

    public string Usage => $"healthcheck [--url URL] [--timeout SECONDS]   (exit 0 when URL answers 2xx; default /readyz on this container's port)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "url", "timeout" };

    public bool NeedsStore => false;

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        var urlText = arguments.Option("url") ?? LocalReadinessUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"--url '{urlText}' is not an absolute http(s) address");
        }
        var seconds = 5.0;
        if (arguments.Option("timeout") is { } timeoutText
            && (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || seconds is <= 0 or > 300))
        {
            throw new CliUsageException($"--timeout '{timeoutText}' is not a number of seconds between 0 and 300");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(seconds) };
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase} from {url}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"unhealthy: no answer from {url}: {e.Message}");
            return 1;
        }
    }
}
