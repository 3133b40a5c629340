namespace Digest.Core.Papers;

/// <summary>The resolver link of a DOI, written once for the paper page and the API.</summary>
public static class DoiLinks
{
    /// <summary>
    /// <c>https://doi.org/</c> and the DOI with every character a URL path cannot carry as-is percent-encoded; the slashes
    /// that separate a DOI's parts stay readable. A DOI from a source may hold anything (<c>#</c>, <c>?</c>, quotes).
    /// </summary>
    public static string Resolver(string doi) =>
        "https://doi.org/" + Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.Ordinal);
}
