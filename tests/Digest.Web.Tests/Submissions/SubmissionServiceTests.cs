using Digest.Core.Ingestion;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Submissions;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Submissions;

public class SubmissionServiceTests
{
    private const string QueryPath = ArxivResponses.QueryPath;
    private static readonly DateOnly Today = new(2026, 3, 11);

    private static async Task<(RecordedApiServer Server, TestDataHost Host, long Reader)> StartAsync(params ScriptedResponse[] answers)
    {
        var server = await RecordedApiServer.StartAsync();
        if (answers.Length > 0) server.Script(QueryPath, answers);
        var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));
        var reader = await TestReaders.AddAsync(host.Services, "ada@lab.example");
        return (server, host, reader);
    }

    [Fact]
    public async Task Submit_ArxivLink_FetchesStoresAndIndexesThePaper_OnTodaysDigest_AsSubmittedByTheReader()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "https://arxiv.org/abs/2403.01234v2", Today);

        Assert.Equal(SubmissionResult.Added, outcome.Result);
        Assert.Contains("Sparse Widgets for Everyone", outcome.Message);
        Assert.Equal("2403.01234", outcome.ArxivId);
        Assert.Equal(new Submission("2403.01234", Today, reader, "ada@lab.example", outcome.Submission!.SubmittedAt), outcome.Submission);
        var paper = await host.Get<PaperStore>().GetAsync("2403.01234");
        Assert.Equal([Today], paper!.DigestDays);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper.Authors);
        var day = host.Get<SearchService>().Search(new SearchRequest { DigestDay = Today });
        Assert.Equal("2403.01234", Assert.Single(day.Results).Id);
        var forDay = await host.Get<SubmissionService>().ListForDayAsync(Today);
        Assert.Equal("ada@lab.example", forDay["2403.01234"].ReaderEmail);
        Assert.Equal(["2403.01234"], (await host.Get<SubmissionService>().ListByReaderAsync(reader)).Select(s => s.PaperId));
        Assert.Contains((await host.Get<PaperStore>().GetStatsAsync()).RecentRuns, r => r.Origin == SubmissionService.Origin);
    }

    [Fact]
    public async Task Submit_SamePaperSameDay_AnswersAlreadySubmitted_ByWhomAndWhen_WithoutAskingArxivAgain()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        var other = await TestReaders.AddAsync(host.Services, "grace@lab.example");
        var service = host.Get<SubmissionService>();
        var first = await service.SubmitAsync(reader, "2403.01234", Today);

        var byOther = await service.SubmitAsync(other, "arXiv:2403.01234v1", Today);
        var bySame = await service.SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.AlreadySubmitted, byOther.Result);
        Assert.Equal(first.Submission, byOther.Submission);
        Assert.Contains("already in the digest of 2026-03-11", byOther.Message);
        Assert.Contains("another reader", byOther.Message);
        Assert.DoesNotContain("ada@lab.example", byOther.Message);
        Assert.Contains("submitted by you", bySame.Message);
        Assert.Single(server.RequestsTo(QueryPath));
        Assert.Single(await service.ListForDayAsync(Today));
    }

    [Fact]
    public async Task Submit_SamePaperAnotherDay_IsAdded_ForThatDayToo()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        var service = host.Get<SubmissionService>();

        await service.SubmitAsync(reader, "2403.01234", Today);
        var next = await service.SubmitAsync(reader, "2403.01234", Today.AddDays(1));

        Assert.Equal(SubmissionResult.Added, next.Result);
        Assert.Equal([Today, Today.AddDays(1)], (await host.Get<PaperStore>().GetAsync("2403.01234"))!.DigestDays);
    }

    [Fact]
    public async Task Submit_TwoReadersAtOnce_OneRowWins_TheOtherIsToldItIsAlreadyThere()
    {
        // Each submission fetches (neither sees the other's row before it asks arXiv); the answer is delayed so both are in flight.
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml") with { Delay = TimeSpan.FromMilliseconds(300) });
        await using var _ = server;
        await using var __ = host;
        var other = await TestReaders.AddAsync(host.Services, "grace@lab.example");
        var service = host.Get<SubmissionService>();

        var outcomes = await Task.WhenAll(
            Task.Run(() => service.SubmitAsync(reader, "2403.01234", Today)),
            Task.Run(() => service.SubmitAsync(other, "2403.01234", Today)));

        Assert.Equal([SubmissionResult.Added, SubmissionResult.AlreadySubmitted], outcomes.Select(o => o.Result).Order());
        Assert.Equal(2, server.RequestsTo(QueryPath).Count);
        var row = Assert.Single(await service.ListForDayAsync(Today)).Value;
        Assert.Equal(outcomes.Single(o => o.Result == SubmissionResult.Added).Submission, row);
        Assert.Equal([Today], (await host.Get<PaperStore>().GetAsync("2403.01234"))!.DigestDays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a paper")]
    [InlineData("https://example.org/abs/2403.01234")]
    [InlineData("2403.01234'; DELETE FROM submissions; --")]
    public async Task Submit_InvalidText_IsRefused_WithoutAskingArxiv(string text)
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, text, Today);

        Assert.Equal(SubmissionResult.InvalidId, outcome.Result);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.Empty(server.Requests);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
    }

    [Theory]
    [InlineData("empty.xml")]
    [InlineData("error-bad-id.xml")]
    public async Task Submit_IdArxivDoesNotKnow_IsNotFound_AndNothingIsStored(string fixture)
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture(fixture));
        await using var _ = server;
        await using var __ = host;

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "2401.09999", Today);

        Assert.Equal(SubmissionResult.NotFound, outcome.Result);
        Assert.Contains("2401.09999", outcome.Message);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
        Assert.Empty(await host.Get<SubmissionService>().ListForDayAsync(Today));
    }

    [Fact]
    public async Task Submit_ArxivDown_IsUnreachable_AndCanBeSubmittedOnceItAnswers()
    {
        var (server, host, reader) = await StartAsync(new ScriptedResponse(503, "down"), new ScriptedResponse(503, "down"), ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        var service = host.Get<SubmissionService>();

        var down = await service.SubmitAsync(reader, "2403.01234", Today);
        var up = await service.SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.Unreachable, down.Result);
        Assert.Contains("try again", down.Message);
        Assert.Equal(SubmissionResult.Added, up.Result);
    }

    [Fact]
    public async Task Submit_PaperKnownByTitleOnly_GetsItsArxivId_AndTheDay()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 1\n\nSparse Widgets for Everyone\n\nWe propose sparse widgets.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2026, Origin = "test" });

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.Added, outcome.Result);
        Assert.Equal(1, await host.Get<PaperStore>().CountAsync());
        Assert.Equal([new DateOnly(2026, 3, 1), Today], outcome.Paper!.DigestDays);
    }

    [Fact]
    public async Task Submit_DayACuratorRemovedWhileThePaperHadOnlyItsTitle_IsRefused_AndNoRowIsAdded()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 11\n\nSparse Widgets for Everyone\n\nWe propose sparse widgets.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2026, Origin = "test" });
        Assert.True(await host.Get<DigestDayRemoval>().RemoveAsync(Digest.Core.Papers.PaperId.FromTitle("Sparse Widgets for Everyone"), Today));

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.RemovedByCurator, outcome.Result);
        Assert.Empty(await host.Get<SubmissionService>().ListForDayAsync(Today));
        Assert.Empty((await host.Get<PaperStore>().GetAsync("2403.01234"))!.DigestDays);
    }

    [Fact]
    public async Task Submit_PaperASourcePutOnTheDay_IsAlreadyInTheDigest_WithoutARow()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 11\n\nSparse Widgets for Everyone\n\nWe propose sparse widgets.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2026, Origin = "test" });
        await host.Get<SubmissionService>().SubmitAsync(reader, "2403.01234", Today.AddDays(1));

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.AlreadyInDigest, outcome.Result);
        Assert.Contains("already in the digest of 2026-03-11", outcome.Message);
        Assert.Empty(await host.Get<SubmissionService>().ListForDayAsync(Today));
        Assert.Single(server.RequestsTo(QueryPath));
        // Taking the reader's submissions back leaves the day the source gave.
        await host.Get<SubmissionService>().RemoveByReaderAsync(reader, reader);
        Assert.Equal([Today], (await host.Get<PaperStore>().GetAsync("2403.01234"))!.DigestDays);
    }

    [Fact]
    public async Task Submit_PaperOnTheDayByItsTitleOnly_IsAlreadyInTheDigest_AndGetsItsArxivId()
    {
        var (server, host, reader) = await StartAsync(ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var _ = server;
        await using var __ = host;
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 11\n\nSparse Widgets for Everyone\n\nWe propose sparse widgets.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2026, Origin = "test" });

        var outcome = await host.Get<SubmissionService>().SubmitAsync(reader, "2403.01234", Today);

        Assert.Equal(SubmissionResult.AlreadyInDigest, outcome.Result);
        Assert.Equal("2403.01234", outcome.Paper!.Id);
        Assert.Empty(await host.Get<SubmissionService>().ListForDayAsync(Today));
    }
}
