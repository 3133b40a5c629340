using System.Globalization;
using Digest.Core.Papers;

namespace Digest.Web.Browsing;

/// <summary>URLs of paper and digest-day pages, and of the searches a paper links to (author, category). Old-style arXiv ids keep their slash (<c>/papers/hep-th/9901001</c>), as on arXiv.</summary>
public static class PaperUrls
{
    public static string For(string id) =>
        "/papers/" + (PaperId.IsWellFormed(id) ? id : Uri.EscapeDataString(id));

    /// <summary>The paper's page, with the search query passed on so the page can mark the query's words.</summary>
    public static string For(string id, string? query) =>
        string.IsNullOrWhiteSpace(query) ? For(id) : For(id) + "?q=" + QueryValue.Escape(query.Trim());

    public static string BibTex(string id) => For(id) + ".bib";

    public static string Day(DateOnly day) => "/digests/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Author(string name) =>
        SearchUrls.SearchPath + "?" + SearchParameters.Author + "=" + QueryValue.Escape(name);

    /// <summary>The search for a paper's category (its chip on result lists and paper pages).</summary>
    public static string Category(string category) =>
        SearchUrls.SearchPath + "?" + SearchParameters.Category + "=" + QueryValue.Escape(category);
}
