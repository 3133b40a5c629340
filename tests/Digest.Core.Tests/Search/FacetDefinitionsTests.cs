using Digest.Core.Search;
using Digest.Core.Search.Facets;

namespace Digest.Core.Tests.Search;

public class FacetDefinitionsTests
{
    private static readonly SearchRequest Empty = new();

    [Fact]
    public void All_HaveDistinctNamesFieldsParametersAndApiKeys()
    {
        Assert.Equal(FacetDefinitions.All.Length, FacetDefinitions.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(FacetDefinitions.All.Length, FacetDefinitions.All.Select(f => f.Field).Distinct().Count());
        Assert.Equal(FacetDefinitions.All.Length, FacetDefinitions.All.Select(f => f.Parameter).Distinct().Count());
        Assert.Equal(FacetDefinitions.All.Length, FacetDefinitions.All.Select(f => f.ApiKey).Distinct().Count());
    }

    [Theory]
    [InlineData(FacetNames.Topic, "llm")]
    [InlineData(FacetNames.Category, "cs.LG")]
    [InlineData(FacetNames.Year, "2025")]
    [InlineData(FacetNames.HasCode, "yes")]
    [InlineData(FacetNames.Author, "Ada Lovelace")]
    public void Toggle_SelectsThenDeselects_AndRemoveClears(string name, string value)
    {
        var facet = FacetDefinitions.Find(name)!;

        var selected = facet.Toggle(Empty, value);
        Assert.Equal([value], facet.Selected(selected));
        Assert.True(selected.HasFilters);
        Assert.Empty(facet.Selected(facet.Toggle(selected, value)));
        Assert.Empty(facet.Selected(facet.Remove(selected)));
    }

    [Fact]
    public void Toggle_TopicThatIsExcluded_SelectsItAndStopsExcludingIt()
    {
        var request = FacetDefinitions.Topic.Toggle(Empty with { ExcludedTopics = ["llm", "rag"] }, "llm");

        Assert.Equal(["llm"], request.Topics);
        Assert.Equal(["rag"], request.ExcludedTopics);
    }

    [Fact]
    public void Find_UnknownName_IsNull() => Assert.Null(FacetDefinitions.Find("colour"));
}
