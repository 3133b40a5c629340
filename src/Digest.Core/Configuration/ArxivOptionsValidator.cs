namespace Digest.Core.Configuration;

/// <summary>Checks <c>Digest:Arxiv</c>; every message names the setting as written in configuration and in the environment.</summary>
public static class ArxivOptionsValidator
{
    public static void Validate(ArxivOptions arxiv, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(arxiv.BaseUrl)
            && (!Uri.TryCreate(arxiv.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query)))
        {
            failures.Add($"Digest:Arxiv:BaseUrl (Digest__Arxiv__BaseUrl) '{arxiv.BaseUrl}' must be an absolute http:// or https:// address without query.");
        }
        if (arxiv.LookupInterval < TimeSpan.FromSeconds(1) || arxiv.LookupInterval > TimeSpan.FromDays(7))
        {
            failures.Add("Digest:Arxiv:LookupInterval (Digest__Arxiv__LookupInterval) must be between 00:00:01 and 7.00:00:00.");
        }
        if (arxiv.BatchSize is < 1 or > 500)
        {
            failures.Add("Digest:Arxiv:BatchSize (Digest__Arxiv__BatchSize) must be between 1 and 500.");
        }
        if (arxiv.NotFoundRetry < TimeSpan.FromHours(1) || arxiv.NotFoundRetry > TimeSpan.FromDays(3650))
        {
            failures.Add("Digest:Arxiv:NotFoundRetry (Digest__Arxiv__NotFoundRetry) must be between 01:00:00 and 3650.00:00:00.");
        }
        if (arxiv.UnreachableRetry < TimeSpan.FromSeconds(1) || arxiv.UnreachableRetry > TimeSpan.FromDays(7))
        {
            failures.Add("Digest:Arxiv:UnreachableRetry (Digest__Arxiv__UnreachableRetry) must be between 00:00:01 and 7.00:00:00.");
        }
    }
}
