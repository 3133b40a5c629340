using Digest.Core.Search;
using Digest.Core.Trending;

namespace Digest.Core.Configuration;

/// <summary>Settings under the <c>Digest</c> section (environment: <c>Digest__Name</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>Folder holding the SQLite store, the index, the inbox and the taxonomy file. Relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>On the first start with an empty store, ingest the bundled sample digest.</summary>
    public bool SeedSampleDigest { get; set; } = true;

    /// <summary>API key for <c>POST /api/ingest</c>; unset disables the endpoint.</summary>
    public string? IngestApiKey { get; set; }

    /// <summary>Watch <c>inbox/</c> in the data directory and ingest files dropped there.</summary>
    public bool WatchInbox { get; set; } = true;

    /// <summary>How often the inbox is scanned.</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the app checks the store for papers written by another process (the CLI) and indexes them.</summary>
    public TimeSpan IndexSyncInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Below this many free bytes on the data directory's disk, <c>/readyz</c> reports not ready (ingests would fail; searches still work).</summary>
    public long MinFreeDiskBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>What one search may cost, and how many searches run at once (<c>Digest:Search</c>).</summary>
    public SearchLimits Search { get; set; } = new();

    /// <summary>Semantic search: the embedding model, its threads and what of each paper it reads (<c>Digest:Semantic</c>).</summary>
    public SemanticOptions Semantic { get; set; } = new();

    /// <summary>How the trending score weighs votes, digest appearances and age (<c>Digest:Trending</c>).</summary>
    public TrendingOptions Trending { get; set; } = new();

    /// <summary>Size limits for everything ingested.</summary>
    public IngestLimits Limits { get; set; } = new();

    /// <summary>The address people reach the app at (for example <c>https://papers.example.org</c>), for canonical links and feeds; unset: taken from each request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Write logs as one JSON object per line (for log collectors) instead of plain text.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>Remote sources fetched on a schedule (Hugging Face daily papers, arXiv queries); none by default.</summary>
    public List<RemoteSourceOptions> Sources { get; set; } = [];

    /// <summary>Politeness and robustness limits for fetching <see cref="Sources"/>.</summary>
    public FetchOptions Fetch { get; set; } = new();

    /// <summary>The arXiv API for reader submissions and the background title lookup.</summary>
    public ArxivOptions Arxiv { get; set; } = new();

    /// <summary>The SMTP server for email digests; without a host, email digests are off.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Readers: sign-in, sessions and the limits on what they do (<c>Digest:Community</c>).</summary>
    public CommunityOptions Community { get; set; } = new();

    /// <summary>The data directory as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(DataDirectory);

    public string DatabasePath => Path.Combine(DataPath, "digest.db");

    public string IndexPath => Path.Combine(DataPath, "index");

    public string InboxPath => Path.Combine(DataPath, "inbox");

    /// <summary>Where HTTP uploads are copied while they are ingested; in the data directory so that a restart finds and deletes what a crash left.</summary>
    public string UploadSpoolPath => Path.Combine(DataPath, "tmp", "uploads");
}
