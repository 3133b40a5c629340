using Digest.Core.Configuration;
using Digest.Core.Sources;

namespace Digest.Web.Tests.Hosting;

public class SourceScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NeverFetched_IsDueNow() =>
        Assert.Equal(Now, SourceSchedule.NextDue(new RemoteSourceOptions(), null, false, Now));

    [Fact]
    public void Interval_CountsFromTheLastAttempt() =>
        Assert.Equal(Now.AddHours(5), SourceSchedule.NextDue(new RemoteSourceOptions { Interval = TimeSpan.FromHours(6) }, Now.AddHours(-1), false, Now));

    [Fact]
    public void AfterAFailure_ALongIntervalIsShortenedToAnHour() =>
        Assert.Equal(Now.AddHours(1), SourceSchedule.NextDue(new RemoteSourceOptions { Interval = TimeSpan.FromDays(1) }, Now, true, Now));

    [Fact]
    public void DailyAt_IsTheNextOccurrenceAfterTheLastAttempt()
    {
        var source = new RemoteSourceOptions { DailyAt = new TimeOnly(7, 0) };
        Assert.Equal(new DateTimeOffset(2025, 6, 4, 7, 0, 0, TimeSpan.Zero), SourceSchedule.NextDue(source, Now, false, Now));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 7, 0, 0, TimeSpan.Zero), SourceSchedule.NextDue(source, Now.AddDays(-1), false, Now));
    }

    [Fact]
    public void RequestUrls_HuggingFace_OneDayEach_OldestFirst_ArxivOneQuery()
    {
        var hf = RemoteSourceRunner.RequestUrls(new RemoteSourceOptions { Kind = RemoteSourceKind.HuggingFaceDaily, Days = 2 }, new DateOnly(2025, 6, 3));
        Assert.Equal(["https://huggingface.co/api/daily_papers?date=2025-06-02", "https://huggingface.co/api/daily_papers?date=2025-06-03"], hf.Select(u => u.AbsoluteUri));

        var arxiv = Assert.Single(RemoteSourceRunner.RequestUrls(new RemoteSourceOptions { Kind = RemoteSourceKind.ArxivQuery, Query = "cat:cs.LG OR cat:cs.CL", MaxResults = 50 }, new DateOnly(2025, 6, 3)));
        Assert.Equal("http://export.arxiv.org/api/query?search_query=cat%3Acs.LG%20OR%20cat%3Acs.CL&sortBy=submittedDate&sortOrder=descending&start=0&max_results=50", arxiv.AbsoluteUri);
    }
}
