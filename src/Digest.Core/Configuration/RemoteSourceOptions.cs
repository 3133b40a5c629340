namespace Digest.Core.Configuration;

/// <summary>One entry of <c>Digest:Sources</c> (environment: <c>Digest__Sources__0__Name</c>, ...).</summary>
public sealed class RemoteSourceOptions
{
    public const string DefaultHuggingFaceBaseUrl = "https://huggingface.co";
    public const string DefaultArxivBaseUrl = "http://export.arxiv.org";
    public const string DefaultArxivOaiBaseUrl = "http://export.arxiv.org/oai2";
    public const string DefaultArxivListingBaseUrl = "https://rss.arxiv.org";

    /// <summary>The OAI-PMH metadata formats an <see cref="RemoteSourceKind.ArxivOai"/> source may ask for.</summary>
    public static IReadOnlyList<string> OaiMetadataPrefixes { get; } = ["arXivRaw", "arXiv", "oai_dc"];

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

    /// <summary>ArxivOai only: the metadata format asked for, one of <see cref="OaiMetadataPrefixes"/>.</summary>
    public string MetadataPrefix { get; set; } = "arXivRaw";

    /// <summary>ArxivOai only: the OAI set to harvest (for example <c>cs</c>, or <c>physics:hep-th</c>); unset: everything.</summary>
    public string? Set { get; set; }

    /// <summary>ArxivOai only: the first day of the first harvest; later harvests start where the last one ended. Unset: from the beginning.</summary>
    public DateOnly? From { get; set; }

    /// <summary>ArxivListing only: the categories whose daily announcements are read, for example <c>cs.LG</c>.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>ArxivListing only: read the RSS 2.0 or the Atom feed.</summary>
    public ArxivListingFormat Format { get; set; } = ArxivListingFormat.Rss;

    /// <summary>Fetch this often (for example <c>06:00:00</c>). Ignored when <see cref="DailyAt"/> is set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Fetch once a day at this UTC time (for example <c>07:30</c>) instead of every <see cref="Interval"/>.</summary>
    public TimeOnly? DailyAt { get; set; }

    /// <summary>The base URL in use, without a trailing slash.</summary>
    public string EffectiveBaseUrl =>
        (string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl(Kind) : BaseUrl).TrimEnd('/');

    private static string DefaultBaseUrl(RemoteSourceKind? kind) => kind switch
    {
        RemoteSourceKind.ArxivQuery => DefaultArxivBaseUrl,
        RemoteSourceKind.ArxivOai => DefaultArxivOaiBaseUrl,
        RemoteSourceKind.ArxivListing => DefaultArxivListingBaseUrl,
        _ => DefaultHuggingFaceBaseUrl,
    };
}
