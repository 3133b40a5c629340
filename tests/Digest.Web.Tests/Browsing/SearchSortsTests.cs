using Digest.Core.Search;
using Digest.Web.Browsing;

namespace Digest.Web.Tests.Browsing;

public class SearchSortsTests
{
    [Fact]
    public void Parse_OfName_IsTheSortForEveryOrder()
    {
        foreach (var sort in Enum.GetValues<SearchSort>()) Assert.Equal(sort, SearchSorts.Parse(SearchSorts.Name(sort)));
    }

    [Theory]
    [InlineData(" Newest ", SearchSort.Newest)]
    [InlineData("OLDEST", SearchSort.Oldest)]
    public void Parse_IgnoresCaseAndSpaces(string value, SearchSort expected) => Assert.Equal(expected, SearchSorts.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("popular")]
    public void Parse_UnknownName_IsNull(string? value) => Assert.Null(SearchSorts.Parse(value));

    [Fact]
    public void List_NamesEveryOrderInOrder() => Assert.Equal("relevance, newest, oldest, trending", SearchSorts.List);
}
