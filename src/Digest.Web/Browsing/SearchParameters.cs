using Digest.Core.Search;

namespace Digest.Web.Browsing;

/// <summary>
/// Query-string names of a search view, in canonical order. Each facet's parameter is named like the facet, so a
/// URL reads as what it shows; a repeated parameter means "any of".
/// </summary>
public static class SearchParameters
{
    public const string Query = "q";
    public const string Topic = FacetNames.Topic;
    public const string ExcludedTopic = "xtopic";
    public const string Category = FacetNames.Category;
    public const string Year = FacetNames.Year;
    public const string From = "from";
    public const string To = "to";
    public const string Code = FacetNames.HasCode;
    public const string Author = FacetNames.Author;
    public const string Sort = "sort";
    public const string Page = "page";

    /// <summary>Values honoured per repeated parameter; nobody selects 21 topics, but a crafted URL may repeat one 1000 times.</summary>
    public const int MaxValuesPerParameter = 20;

    /// <summary>Longest single facet value (an author name, a slug) accepted.</summary>
    public const int MaxValueLength = 200;
}
