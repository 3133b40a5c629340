using System.Text.RegularExpressions;

namespace Digest.Core.Ingestion;

/// <summary>Finds links to code repositories in free text, such as "Code is available at https://github.com/a/b".</summary>
public static partial class CodeLinkFinder
{
    [GeneratedRegex(@"(?:https?://)?(?:www\.)?(?<host>github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)/(?<owner>[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}))/(?<repo>[A-Za-z0-9._-]{1,100})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RepositoryPattern();

    // Owners that are pages of the host, not accounts.
    private static readonly HashSet<string> NotOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "features", "pricing", "login", "join", "settings", "orgs", "topics", "search", "blog", "docs", "papers",
    };

    /// <summary>Text past this many characters is not searched for links: sources put them in the abstract or a short comment.</summary>
    public const int MaxScannedLength = 100_000;

    /// <summary>
    /// Canonical <c>https://host/owner/repo</c> URLs found in <paramref name="text"/>, in order, without duplicates.
    /// Untrusted text of any length: only its first <see cref="MaxScannedLength"/> characters are searched, and a search
    /// that runs into the pattern's time limit (a loaded machine) keeps the links found so far instead of failing the record.
    /// </summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<string>();
        try
        {
            foreach (Match match in RepositoryPattern().Matches(text.Length > MaxScannedLength ? text[..MaxScannedLength] : text))
            {
                var url = Canonical(match);
                if (url is not null && !found.Contains(url, StringComparer.OrdinalIgnoreCase)) found.Add(url);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Links found before the limit stand; the rest of the text is not worth failing the paper for.
        }
        return found;
    }

    /// <summary>The canonical repository URL for a URL a source gives, or null when it is not a repository link.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxScannedLength) return null;
        try
        {
            var match = RepositoryPattern().Match(url.Trim());
            return match.Success && match.Index == 0 ? Canonical(match) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string? Canonical(Match match)
    {
        var host = match.Groups["host"].Value.ToLowerInvariant();
        var owner = match.Groups["owner"].Value;
        // Sentences often end right after the URL: "at https://github.com/a/b." or "(github.com/a/b)".
        var repo = match.Groups["repo"].Value.TrimEnd('.', '-', '_');
        if (repo.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) repo = repo[..^4];
        if (repo.Length == 0 || NotOwners.Contains(owner)) return null;
        return $"https://{host}/{owner}/{repo}";
    }
}
