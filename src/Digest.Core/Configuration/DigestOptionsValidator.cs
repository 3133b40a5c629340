using Digest.Core.Search;
using Digest.Core.Trending;
using Microsoft.Extensions.Options;

namespace Digest.Core.Configuration;

/// <summary>Checks settings at start-up; every message names the setting as it is written in configuration and in the environment.</summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Digest:DataDirectory (Digest__DataDirectory) must name a folder.");
        }
        else if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Digest:DataDirectory (Digest__DataDirectory) '{options.DataDirectory}' is not a valid path.");
        }
        if (options.IngestApiKey is { Length: > 0 and < 16 })
        {
            failures.Add("Digest:IngestApiKey (Digest__IngestApiKey) must be at least 16 characters; leave it unset to disable POST /api/ingest.");
        }
        if (options.InboxPollInterval < TimeSpan.FromMilliseconds(100) || options.InboxPollInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Digest:InboxPollInterval (Digest__InboxPollInterval) must be between 00:00:00.1 and 1.00:00:00.");
        }
        if (options.IndexSyncInterval < TimeSpan.FromMilliseconds(100) || options.IndexSyncInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Digest:IndexSyncInterval (Digest__IndexSyncInterval) must be between 00:00:00.1 and 01:00:00.");
        }
        if (options.MinFreeDiskBytes < 0)
        {
            failures.Add("Digest:MinFreeDiskBytes (Digest__MinFreeDiskBytes) must be 0 or more (bytes; 0 turns the disk check off).");
        }
        var limits = options.Limits;
        if (limits.MaxFileBytes < 1024) failures.Add("Digest:Limits:MaxFileBytes must be at least 1024.");
        if (limits.MaxUploadParts is < 1 or > 10_000) failures.Add("Digest:Limits:MaxUploadParts must be between 1 and 10000.");
        if (limits.MaxTitleLength < 10) failures.Add("Digest:Limits:MaxTitleLength must be at least 10.");
        if (limits.MaxAbstractLength < 100) failures.Add("Digest:Limits:MaxAbstractLength must be at least 100.");
        if (limits.MaxAuthors < 1) failures.Add("Digest:Limits:MaxAuthors must be at least 1.");
        if (limits.MaxFieldLength < 10) failures.Add("Digest:Limits:MaxFieldLength must be at least 10.");
        if (limits.MaxCommentsLength < 10) failures.Add("Digest:Limits:MaxCommentsLength must be at least 10.");
        if (limits.MaxListItems < 1) failures.Add("Digest:Limits:MaxListItems must be at least 1.");
        ValidatePublicBaseUrl(options, failures);
        SearchLimitsValidator.Validate(options.Search, failures);
        SemanticOptionsValidator.Validate(options.Semantic, failures);
        CommunityOptionsValidator.Validate(options.Community, failures);
        TrendingOptionsValidator.Validate(options.Trending, failures);
        RemoteSourceOptionsValidator.Validate(options.Sources, options.Fetch, failures);
        ArxivOptionsValidator.Validate(options.Arxiv, failures);
        EmailOptionsValidator.Validate(options.Email, options.PublicBaseUrl, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePublicBaseUrl(DigestOptions options, List<string> failures)
    {
        if (string.IsNullOrEmpty(options.PublicBaseUrl)) return;
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"Digest:PublicBaseUrl (Digest__PublicBaseUrl) '{options.PublicBaseUrl}' must be an absolute http:// or https:// address without query, for example https://papers.example.org.");
        }
    }
}
