using System.Net;
using Digest.Web.Tests.Support;
using static Digest.Web.Tests.Trending.TrendingFixture;

namespace Digest.Web.Tests.Trending;

public class TrendingPageTests(TrendingFixture fixture) : IClassFixture<TrendingFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static List<string> Ids(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".paper-title a").Select(a => a.GetAttribute("href")!["/papers/".Length..])];

    [Fact]
    public async Task DayView_ListsThePapersOfTheDay_WithPreviousAndNextDays()
    {
        var page = await _client.GetPageAsync("/trending?period=day&date=2025-03-09");
        Assert.Equal([Hot, Quiet], Ids(page));
        Assert.Equal("Trending papers of 9 March 2025", page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Equal("/trending?period=day&date=2025-03-08", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/trending?period=day&date=2025-03-10", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/trending?period=day&date=2025-03-09", page.Canonical());
        // Ranked at the day's end: 24 h old.
        Assert.StartsWith("20 votes · 1 digest appearance · 24 h old", page.QuerySelector(".trending-why")!.TextContent);
        Assert.Contains("(votes + 3 × appearances) / (age in hours + 2)^1.2", page.QuerySelector(".trending-formula")!.TextContent);

        // Listed on 8 March (a second listing) or, listed on no day, published then.
        Assert.Equal([Twice, Unlisted], Ids(await _client.GetPageAsync("/trending?period=day&date=2025-03-08")));
    }

    [Fact]
    public async Task WeekView_RanksAtTheWeeksEnd_AndLinksNeighbourWeeks()
    {
        // Any day of the week names the week starting on its Monday.
        var page = await _client.GetPageAsync("/trending?period=week&date=2025-03-05");
        Assert.Equal([Hot, Quiet, Twice, Unlisted], Ids(page));
        Assert.Equal("http://localhost/trending?period=week&date=2025-03-03", page.Canonical());
        Assert.Equal("/trending?period=week&date=2025-02-24", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/trending?period=week&date=2025-03-10", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        // The week that holds today has no next week yet.
        var current = await _client.GetPageAsync("/trending?period=week");
        Assert.Null(current.QuerySelector("a[rel=next]"));
        Assert.Equal("http://localhost/trending?period=week&date=2025-03-10", current.Canonical());
    }

    [Fact]
    public async Task PaperTitles_FollowAnH2_SoNoHeadingLevelIsSkipped()
    {
        var page = await _client.GetPageAsync("/trending?period=week&date=2025-03-05");
        var levels = page.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Contains(3, levels);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.Second} after h{pair.First}"));
    }

    [Fact]
    public async Task MonthView_ListsTheMonth_AndSwitchesPeriodsOnTheSameDate()
    {
        var february = await _client.GetPageAsync("/trending?period=month&date=2025-02-14");
        Assert.Equal([LastMonth], Ids(february));
        Assert.Equal("/trending?period=month&date=2025-03-01", february.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/trending?period=week&date=2025-01-27", february.QuerySelector(".trending-periods a[href*='period=week']")!.GetAttribute("href"));

        var march = await _client.GetPageAsync("/trending?period=month&date=2025-03-10");
        Assert.Equal([Hot, Old, Quiet, Twice, Unlisted], Ids(march));
        Assert.False(string.IsNullOrWhiteSpace(march.Canonical()));
    }

    [Fact]
    public async Task DefaultView_IsToday_AndAnEmptyDayOffersTheLatestDigestDay()
    {
        var page = await _client.GetPageAsync("/trending");
        Assert.Empty(Ids(page));
        Assert.Equal("/trending?period=day&date=2025-03-09", page.QuerySelector(".empty a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("/trending?period=year", "is not a period")]
    [InlineData("/trending?period=day&date=2025-13-01", "is not a date")]
    [InlineData("/trending?period=day&date=9999-12-31", "must be between")]
    [InlineData("/trending?period=week&date=0001-01-01", "must be between")]
    [InlineData("/trending?period=%00%3Cscript%3E&date=x", "is not a period")]
    public async Task BadPeriodOrDate_IsAFriendly400(string url, string explanation)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(body);
        Assert.Contains(explanation, page.QuerySelector(".error-page")!.TextContent);
        Assert.DoesNotContain("<script>", body);
    }

    [Fact]
    public async Task HostileInput_NeverCrashes()
    {
        string[] urls =
        [
            "/trending?date=" + new string('9', 5000),
            "/trending?period=day&period=week&date=2025-03-09&date=2025-03-08",
            "/trending?period=day&date=2025-03-09&page=99999999999",
            "/trending?period=day&date=2025-03-09&page=-5",
            "/trending?period=%20Week%20&date=%202025-03-05%20",
        ];
        foreach (var url in urls)
        {
            using var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        }
    }
}
