namespace Digest.Core.Configuration;

/// <summary>The arXiv API as reader submissions and the title lookup use it (<c>Digest:Arxiv</c>).</summary>
public sealed class ArxivOptions
{
    /// <summary>Scheme and host of the arXiv API; unset: <see cref="RemoteSourceOptions.DefaultArxivBaseUrl"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Look up papers known only by their title (digest text) on arXiv by exact title, in the background.</summary>
    public bool TitleLookup { get; set; } = true;

    /// <summary>How often the title lookup looks for papers to ask about once none are waiting.</summary>
    public TimeSpan LookupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Papers looked up per round; each is one request, spaced by <see cref="FetchOptions.MinRequestSpacing"/>.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>A title arXiv did not know is asked about again after this long (it may have been posted since).</summary>
    public TimeSpan NotFoundRetry { get; set; } = TimeSpan.FromDays(30);

    /// <summary>First wait after arXiv could not be reached for a title; doubled for each further failure, up to 7 days.</summary>
    public TimeSpan UnreachableRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The base URL in use, without a trailing slash.</summary>
    public string EffectiveBaseUrl => (string.IsNullOrWhiteSpace(BaseUrl) ? RemoteSourceOptions.DefaultArxivBaseUrl : BaseUrl).TrimEnd('/');
}
