using System.Globalization;
using Digest.Core.Indexing;

namespace Digest.Core.Search.Facets;

/// <summary>The search facets, in display order: the one table of what each facet is (see <see cref="FacetDefinition"/>).</summary>
public static class FacetDefinitions
{
    /// <summary>About this many most published authors are counted first: enough that the ten shown for a broad search are nearly always among them, few enough to count in a small array.</summary>
    private const int FrequentAuthors = 2_000;

    public static readonly FacetDefinition Topic = new()
    {
        Name = FacetNames.Topic,
        Field = PaperFields.Topic,
        Parameter = FacetNames.Topic,
        ApiKey = "topic",
        Title = "Topic",
        ShownOnPage = 40,
        AnyOf = true,
        ValuesAreTopics = true,
        FewValues = true,
        Selected = r => r.Topics,
        // Selecting a topic also stops excluding it.
        Toggle = (r, value) => r with { Topics = Flip(r.Topics, value), ExcludedTopics = [.. r.ExcludedTopics.Where(t => t != value)] },
        Remove = r => r with { Topics = [] },
    };

    public static readonly FacetDefinition Category = new()
    {
        Name = FacetNames.Category,
        Field = PaperFields.Category,
        Parameter = FacetNames.Category,
        ApiKey = "category",
        Title = "Category",
        Top = 30,
        ShownOnPage = 15,
        AnyOf = true,
        FewValues = true,
        Selected = r => r.Categories,
        Toggle = (r, value) => r with { Categories = Flip(r.Categories, value) },
        Remove = r => r with { Categories = [] },
    };

    public static readonly FacetDefinition Year = new()
    {
        Name = FacetNames.Year,
        Field = PaperFields.Year,
        Parameter = FacetNames.Year,
        ApiKey = "year",
        Title = "Year",
        ShownOnPage = 15,
        AnyOf = true,
        FewValues = true,
        Selected = r => [.. r.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
        Toggle = (r, value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? r with { Years = r.Years.Contains(year) ? [.. r.Years.Where(y => y != year)] : [.. r.Years, year] }
            : r,
        Remove = r => r with { Years = [] },
    };

    public static readonly FacetDefinition HasCode = new()
    {
        Name = FacetNames.HasCode,
        Field = PaperFields.HasCode,
        Parameter = FacetNames.HasCode,
        ApiKey = "hasCode",
        Title = "Code",
        ShownOnPage = 15,
        AnyOf = false,
        FewValues = true,
        Selected = r => r.HasCode is { } c ? [c ? PaperFields.Yes : PaperFields.No] : [],
        Toggle = (r, value) => r with { HasCode = (value == PaperFields.Yes) == r.HasCode ? null : value == PaperFields.Yes },
        Remove = r => r with { HasCode = null },
        ValueText = value => value == PaperFields.Yes ? "With code" : "Without code",
    };

    public static readonly FacetDefinition Author = new()
    {
        Name = FacetNames.Author,
        Field = PaperFields.AuthorExact,
        Parameter = FacetNames.Author,
        ApiKey = "author",
        Title = "Top authors",
        Top = 10,
        ShownOnPage = 15,
        AnyOf = true,
        FrequentFirst = FrequentAuthors,
        Selected = r => r.Authors,
        Toggle = (r, value) => r with { Authors = Flip(r.Authors, value) },
        Remove = r => r with { Authors = [] },
    };

    /// <summary>Every search facet in display order (<see cref="SearchResponse.Facets"/> has them in this order).</summary>
    public static readonly FacetDefinition[] All = [Topic, Category, Year, HasCode, Author];

    /// <summary>The facet named <paramref name="name"/>, or null.</summary>
    public static FacetDefinition? Find(string name) => Array.Find(All, facet => facet.Name == name);

    private static string[] Flip(IReadOnlyList<string> values, string value) =>
        values.Contains(value) ? [.. values.Where(v => v != value)] : [.. values, value];
}
