using Digest.Web.Browsing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Digest.Web.Tests.Browsing;

public class CanonicalUrlsTests
{
    [Fact]
    public void PageWithoutItsOwn_GetsItsQueryInCanonicalOrder()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["period"] = "week",
            ["date"] = "2026-03-11",
            ["utm_source"] = "mail",
            ["UTM_Medium"] = "x",
            ["gclid"] = "abc",
            ["page"] = "1",
            ["tag"] = new StringValues(["b", "a", ""]),
        });
        Assert.Equal("/trending?date=2026-03-11&period=week&tag=a&tag=b", CanonicalUrls.FromRequest(new PathString("/trending"), query));
    }

    [Fact]
    public void LaterPages_KeepTheirPage_AndValuesAreEscaped()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["page"] = "2", ["q"] = "a&b c" });
        Assert.Equal("/saved?page=2&q=a%26b+c", CanonicalUrls.FromRequest(new PathString("/saved"), query));
    }

    [Fact]
    public void WithoutQuery_IsThePathAlone()
    {
        Assert.Equal("/subscriptions/confirm", CanonicalUrls.FromRequest(new PathString("/subscriptions/confirm"), null));
        Assert.Equal("/", CanonicalUrls.FromRequest(PathString.Empty, QueryCollection.Empty));
    }

    [Fact]
    public void CraftedRepetition_IsCapped()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["x"] = new StringValues([.. Enumerable.Range(0, 1000).Select(i => i.ToString("D4"))]) });
        var url = CanonicalUrls.FromRequest(new PathString("/p"), query);
        Assert.Equal(SearchParameters.MaxValuesPerParameter, url.Split('&').Length);
    }
}
