using System.Text.RegularExpressions;

namespace Digest.Core.Configuration;

/// <summary>Checks <c>Digest:Sources</c> and <c>Digest:Fetch</c>; every message names the setting as written in configuration and in the environment.</summary>
public static class RemoteSourceOptionsValidator
{
    /// <summary>The least spacing arXiv's API terms allow between two requests.</summary>
    public static readonly TimeSpan ArxivMinSpacing = TimeSpan.FromSeconds(3);

    // An OAI set spec is colon-separated archive names (cs, physics:hep-th); a category is archive[.subject] (cs.LG, hep-th, math.AG).
    private static readonly Regex SetSpec = new(@"^[A-Za-z][A-Za-z0-9\-]{0,31}(?::[A-Za-z][A-Za-z0-9\-.]{0,31}){0,2}$");
    private static readonly Regex Category = new(@"^[a-z][a-z\-]{0,31}(?:\.[A-Za-z][A-Za-z\-]{0,31})?$");

    public static void Validate(IReadOnlyList<RemoteSourceOptions> sources, FetchOptions fetch, List<string> failures)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var key = $"Digest:Sources:{i}";
            var env = $"Digest__Sources__{i}";
            if (string.IsNullOrWhiteSpace(source.Name) || source.Name.Length > 64 || !source.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"{key}:Name ({env}__Name) must be 1 to 64 letters, digits, '-', '_' or '.'.");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"{key}:Name ({env}__Name) '{source.Name}' is used by another source; names must be unique.");
            }
            if (source.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                failures.Add($"{key}:Kind ({env}__Kind) must be one of: {string.Join(", ", Enum.GetNames<RemoteSourceKind>())}.");
            }
            if (!string.IsNullOrWhiteSpace(source.BaseUrl)
                && (!Uri.TryCreate(source.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query)))
            {
                failures.Add($"{key}:BaseUrl ({env}__BaseUrl) '{source.BaseUrl}' must be an absolute http:// or https:// address without query.");
            }
            if (source.Kind == RemoteSourceKind.ArxivQuery && string.IsNullOrWhiteSpace(source.Query))
            {
                failures.Add($"{key}:Query ({env}__Query) is required for an ArxivQuery source, for example 'cat:cs.LG OR cat:cs.CL'.");
            }
            if (source.Kind == RemoteSourceKind.ArxivOai) ValidateOai(source, key, env, failures);
            if (source.Kind == RemoteSourceKind.ArxivListing) ValidateListing(source, key, env, failures);
            if (source.MaxResults is < 1 or > 2000)
            {
                failures.Add($"{key}:MaxResults ({env}__MaxResults) must be between 1 and 2000.");
            }
            if (source.Days is < 1 or > 14)
            {
                failures.Add($"{key}:Days ({env}__Days) must be between 1 and 14.");
            }
            if (source.DailyAt is null && (source.Interval < TimeSpan.FromMinutes(1) || source.Interval > TimeSpan.FromDays(7)))
            {
                failures.Add($"{key}:Interval ({env}__Interval) must be between 00:01:00 and 7.00:00:00 (or set {key}:DailyAt).");
            }
        }

        if (fetch.MinRequestSpacing < TimeSpan.Zero || fetch.MinRequestSpacing > TimeSpan.FromMinutes(10))
        {
            failures.Add("Digest:Fetch:MinRequestSpacing (Digest__Fetch__MinRequestSpacing) must be between 00:00:00 and 00:10:00.");
        }
        else if (fetch.MinRequestSpacing < ArxivMinSpacing && sources.FirstOrDefault(IsArxivHost) is { } arxiv)
        {
            // arXiv's terms ask for at least 3 s between requests; a shorter spacing is for tests against a local server.
            failures.Add($"Digest:Fetch:MinRequestSpacing (Digest__Fetch__MinRequestSpacing) must be at least 00:00:03 while source '{arxiv.Name}' fetches from arXiv ({new Uri(arxiv.EffectiveBaseUrl).Host}).");
        }
        if (fetch.Timeout < TimeSpan.FromMilliseconds(100) || fetch.Timeout > TimeSpan.FromMinutes(30))
        {
            failures.Add("Digest:Fetch:Timeout (Digest__Fetch__Timeout) must be between 00:00:00.1 and 00:30:00.");
        }
        if (fetch.MaxRetries is < 0 or > 10)
        {
            failures.Add("Digest:Fetch:MaxRetries (Digest__Fetch__MaxRetries) must be between 0 and 10.");
        }
        if (fetch.RetryBaseDelay < TimeSpan.Zero || fetch.RetryBaseDelay > TimeSpan.FromMinutes(10))
        {
            failures.Add("Digest:Fetch:RetryBaseDelay (Digest__Fetch__RetryBaseDelay) must be between 00:00:00 and 00:10:00.");
        }
        if (fetch.MaxRetryAfter < TimeSpan.Zero || fetch.MaxRetryAfter > TimeSpan.FromHours(1))
        {
            failures.Add("Digest:Fetch:MaxRetryAfter (Digest__Fetch__MaxRetryAfter) must be between 00:00:00 and 01:00:00.");
        }
        if (fetch.MaxResponseBytes < 1024)
        {
            failures.Add("Digest:Fetch:MaxResponseBytes (Digest__Fetch__MaxResponseBytes) must be at least 1024.");
        }
    }

    private static void ValidateOai(RemoteSourceOptions source, string key, string env, List<string> failures)
    {
        if (!RemoteSourceOptions.OaiMetadataPrefixes.Contains(source.MetadataPrefix, StringComparer.Ordinal))
        {
            failures.Add($"{key}:MetadataPrefix ({env}__MetadataPrefix) must be one of: {string.Join(", ", RemoteSourceOptions.OaiMetadataPrefixes)}.");
        }
        if (source.Set is { Length: > 0 } set && !SetSpec.IsMatch(set))
        {
            failures.Add($"{key}:Set ({env}__Set) '{set}' is not an OAI set spec such as 'cs' or 'physics:hep-th'.");
        }
        if (source.From is { } from && (from.Year < 1990 || from > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            failures.Add($"{key}:From ({env}__From) must be a day (YYYY-MM-DD) between 1990-01-01 and today.");
        }
    }

    private static void ValidateListing(RemoteSourceOptions source, string key, string env, List<string> failures)
    {
        if (source.Categories.Count is < 1 or > 50)
        {
            failures.Add($"{key}:Categories ({env}__Categories__0, ...) must list 1 to 50 arXiv categories, for example 'cs.LG'.");
        }
        foreach (var category in source.Categories.Where(c => !Category.IsMatch(c ?? "")))
        {
            failures.Add($"{key}:Categories ({env}__Categories__N) '{category}' is not an arXiv category such as 'cs.LG' or 'hep-th'.");
        }
        if (!Enum.IsDefined(source.Format))
        {
            failures.Add($"{key}:Format ({env}__Format) must be one of: {string.Join(", ", Enum.GetNames<ArxivListingFormat>())}.");
        }
    }

    private static bool IsArxivHost(RemoteSourceOptions source) =>
        Uri.TryCreate(source.EffectiveBaseUrl, UriKind.Absolute, out var url)
        && (url.Host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase));
}
