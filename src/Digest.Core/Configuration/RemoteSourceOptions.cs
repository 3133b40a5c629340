namespace Digest.Core.Configuration;

/// <summary>One entry of <c>Digest:Sources</c> (environment: <c>Digest__Sources__0__Name</c>, ...).</summary>
public sealed class RemoteSourceOptions
{
    public const string DefaultHuggingFaceBaseUrl = "https://huggingface.co";
    public const string DefaultArxivBaseUrl = "http://export.arxiv.org";

    /// <summary>Unique name; the ingest run log and the source status use it as the origin.</summary>
    public string Name { get; set; } = "";

    /// <summary>Which API this is (required; nullable so that a missing or misspelt kind is reported, not defaulted).</summary>
    public RemoteSourceKind? Kind { get; set; }

    /// <summary>Scheme and host of the API; unset: the public service of <see cref="Kind"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>arXiv only: the <c>search_query</c>, for example <c>cat:cs.LG OR cat:cs.CL</c>.</summary>
    public string? Query { get; set; }

    /// <summary>arXiv only: how many of the newest results to ask for.</summary>
    public int MaxResults { get; set; } = 100;

    /// <summary>Hugging Face only: how many days to fetch, ending today (UTC); 2 also catches the end of yesterday's list.</summary>
    public int Days { get; set; } = 2;

    /// <summary>Fetch this often (for example <c>06:00:00</c>). Ignored when <see cref="DailyAt"/> is set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Fetch once a day at this UTC time (for example <c>07:30</c>) instead of every <see cref="Interval"/>.</summary>
    public TimeOnly? DailyAt { get; set; }

    /// <summary>The base URL in use, without a trailing slash.</summary>
    public string EffectiveBaseUrl =>
        (string.IsNullOrWhiteSpace(BaseUrl) ? Kind == RemoteSourceKind.ArxivQuery ? DefaultArxivBaseUrl : DefaultHuggingFaceBaseUrl : BaseUrl).TrimEnd('/');
}
