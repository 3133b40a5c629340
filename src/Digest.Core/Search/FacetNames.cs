namespace Digest.Core.Search;

/// <summary>Names of the facets in <see cref="SearchResponse.Facets"/>.</summary>
public static class FacetNames
{
    /// <summary>Topic slugs; all values.</summary>
    public const string Topic = "topic";

    /// <summary>Categories such as <c>cs.LG</c>; top 30.</summary>
    public const string Category = "category";

    /// <summary>Publication years; all values.</summary>
    public const string Year = "year";

    /// <summary>Whether a code link is known: values <c>yes</c> and <c>no</c>.</summary>
    public const string HasCode = "code";

    /// <summary>Authors; top 10.</summary>
    public const string Author = "author";
}
