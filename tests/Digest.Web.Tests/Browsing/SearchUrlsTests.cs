using Digest.Core.Search;
using Digest.Web.Browsing;

namespace Digest.Web.Tests.Browsing;

public class SearchUrlsTests
{
    [Fact]
    public void For_SortsValues_WhateverOrderTheRequestHasThem()
    {
        var request = new SearchRequest
        {
            Query = " language models ",
            Topics = ["rag", "llm"],
            ExcludedTopics = ["vision", "audio"],
            Categories = ["cs.LG", "cs.CL"],
            Years = [2025, 2023],
            Authors = ["Grace Hopper", "Ada Lovelace"],
        };

        Assert.Equal(
            "/search?q=language+models&topic=llm&topic=rag&xtopic=audio&xtopic=vision&category=cs.CL&category=cs.LG&year=2023&year=2025&author=Ada+Lovelace&author=Grace+Hopper",
            new SearchUrls().For(request));
    }

    [Fact]
    public void For_DropsDefaultsAndEmptyValues()
    {
        Assert.Equal("/search", new SearchUrls().For(new SearchRequest { Query = "  ", Sort = SearchSort.Newest, Page = 1, Categories = [" "] }));
        Assert.Equal("/search?q=agents", new SearchUrls().For(new SearchRequest { Query = "agents", Sort = SearchSort.Relevance }));
    }

    [Fact]
    public void For_KeepsDatesCodeSortAndPage_InParameterOrder()
    {
        var request = new SearchRequest
        {
            Query = "agents",
            From = new DateOnly(2022, 1, 1),
            To = new DateOnly(2023, 12, 31),
            HasCode = false,
            Sort = SearchSort.Oldest,
            Page = 3,
        };

        Assert.Equal("/search?q=agents&from=2022-01-01&to=2023-12-31&code=0&sort=oldest&page=3", new SearchUrls().For(request));
    }

    [Fact]
    public void For_EscapesValues_WithPlusForSpaces()
    {
        var request = new SearchRequest { Query = "\"a&b\" c+d", Authors = ["Müller, J."] };

        Assert.Equal("/search?q=%22a%26b%22+c%2Bd&author=M%C3%BCller%2C+J.", new SearchUrls().For(request));
    }

    [Fact]
    public void Toggle_AddsAValueInOrder_AndRemovesASelectedOne()
    {
        var urls = new SearchUrls();
        var request = new SearchRequest { Categories = ["cs.LG"], Page = 2 };

        Assert.Equal("/search?category=cs.CV&category=cs.LG", urls.Toggle(request, FacetNames.Category, "cs.CV"));
        Assert.Equal("/search", urls.Toggle(request, FacetNames.Category, "cs.LG"));
        Assert.Equal("/search?category=cs.LG&year=2021&year=2024", urls.Toggle(request with { Years = [2024] }, FacetNames.Year, "2021"));
    }

    [Fact]
    public void For_OnATopicPage_LeavesThePageTopicToThePath()
    {
        var urls = new SearchUrls("llm");

        Assert.Equal("/topics/llm?q=agents", urls.For(new SearchRequest { Query = "agents", WithinTopic = "llm", Topics = ["llm"] }));
        Assert.Equal("/topics/llm?topic=rag", urls.For(new SearchRequest { Topics = ["rag"], WithinTopic = "llm" }));
        // Without the page's topic (a "fewer filters" suggestion) the view is a plain search.
        Assert.Equal("/search?topic=vision", urls.For(new SearchRequest { Topics = ["vision"] }));
    }
}
